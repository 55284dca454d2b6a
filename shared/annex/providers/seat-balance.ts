// 附件 学位供需平衡表: per planning area, stage and year the demand (projection), the seats
// (capacity after the plan's builds and closures), the gap and the warning level. Fed by
// the plan evaluation.
import { STAGE_LABEL, STAGES, type Stage } from '../../domain';
import { STANDARDS } from '../../standards';
import { chineseOrdinal } from '../catalog';
import type { AnnexContext, Column, Row, TableAnnexContent } from '../model';
import { annexFrame, ratio } from './common';

/** 学位预警: red > 100 % use, orange 90–100 %, green, blue under-used < 60 %. */
export type SeatWarningLevel = 'red' | 'orange' | 'green' | 'blue';

export const WARNING_LABEL: Record<SeatWarningLevel, string> = {
  red: '红色（紧缺）',
  orange: '橙色（偏紧）',
  green: '绿色（正常）',
  blue: '蓝色（富余）',
};

export interface SeatBalanceRecord {
  /** Planning area (学区/片区) or township; "全县" for the county. */
  area: string;
  stage: Stage;
  year: number;
  demand: number;
  capacity: number;
  level: SeatWarningLevel;
}

export interface SeatBalanceInput {
  records: SeatBalanceRecord[];
  /** Areas in print order; others follow in order of appearance. */
  areaOrder?: string[];
  /** Seats per class for the gap in classes; the national standard sizes by default. */
  classSize?: Partial<Record<Stage, number>>;
}

export const SEAT_BALANCE_COLUMNS: Column[] = [
  { header: '学段', kind: 'text', width: 6, align: 'center' },
  { header: '年份', kind: 'serial', width: 5 },
  { header: '学位需求\n（个）', kind: 'integer', width: 8, explain: 'plan.demand' },
  { header: '学位供给\n（个）', kind: 'integer', width: 8, explain: 'plan.capacity' },
  { header: '学位缺口\n（个）', group: '供需差', kind: 'integer', width: 7, explain: 'plan.gap' },
  { header: '折合班数\n（个）', group: '供需差', kind: 'integer', width: 6, explain: 'plan.classGap' },
  { header: '学位\n使用率', kind: 'percent', width: 7, explain: 'plan.utilisation' },
  { header: '预警等级', kind: 'text', width: 12, align: 'center' },
];

/** Classes a gap amounts to: a shortage needs whole classes (rounded up), a surplus frees only whole ones. */
export function gapClasses(gap: number, classSize: number): number {
  if (classSize <= 0) return 0;
  return gap > 0 ? Math.ceil(gap / classSize) : -Math.floor(-gap / classSize);
}

export function seatBalanceAnnex(input: SeatBalanceInput, ctx: AnnexContext): TableAnnexContent {
  const areas = [...(input.areaOrder ?? [])];
  for (const r of input.records) if (!areas.includes(r.area)) areas.push(r.area);
  const rows: Row[] = [];
  let section = 0;
  for (const area of areas) {
    const own = input.records.filter((r) => r.area === area);
    if (own.length === 0) continue;
    section += 1;
    rows.push({ kind: 'group', cells: [`${chineseOrdinal(section)}、${area}`] });
    for (const stage of STAGES) {
      for (const r of own.filter((x) => x.stage === stage).sort((a, b) => a.year - b.year)) {
        const gap = r.demand - r.capacity;
        const size = input.classSize?.[stage] ?? STANDARDS.classSize.value[stage];
        rows.push({
          kind: area === '全县' ? 'total' : 'data',
          cells: [STAGE_LABEL[stage], r.year, r.demand, r.capacity, gap, gapClasses(gap, size), ratio(r.demand, r.capacity), WARNING_LABEL[r.level]],
        });
      }
    }
  }
  return {
    ...annexFrame('seat-balance', ctx),
    body: 'table',
    unit: '个',
    notes: [
      '学位缺口＝学位需求－学位供给，正数为学位不足，负数为学位富余；折合班数按标准班额计算。',
      '预警等级：学位使用率超过100%为红色，90%～100%为橙色，低于60%为蓝色，其余为绿色。',
    ],
    table: { columns: SEAT_BALANCE_COLUMNS, rows },
  };
}
