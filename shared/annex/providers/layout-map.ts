// 学校布局规划图: the county's schools on its boundaries as they are (现状, the base year) and
// as the plan leaves them (规划, the target year), then the 服务半径 coverage of both as a table.
import { STAGE_LABEL } from '../../domain/stages';
import { COVERAGE_UNKNOWN, COVERAGE_UNKNOWN_LABEL, type CoverageResult } from '../../geo/api';
import { COVERAGE_STAGES } from '../../geo/model';
import type { MapDrawing, MapLayer } from '../../map/model';
import type { AnnexContext, Column, MapAnnexContent, Row } from '../model';
import { chineseOrdinal } from '../catalog';
import { annexFrame } from './common';

export interface LayoutMapPanelInput {
  /** 现状 or 规划. */
  label: string;
  year: number;
  drawing: MapDrawing;
  coverage: CoverageResult;
}

export interface LayoutMapInput {
  panels: LayoutMapPanelInput[];
  /** What the service-distance rings show (they are drawn for one stage). */
  ringStage: string;
}

/** Every layer but 划片 (thousands of lines make a printed page unreadable). */
export const PRINTED_MAP_LAYERS: MapLayer[] = ['townships', 'references', 'villages', 'rings', 'schools', 'projects', 'labels'];

export const LAYOUT_MAP_COLUMNS: Column[] = [
  { header: '区域', kind: 'text', width: 12 },
  { header: '学段', kind: 'text', width: 4, align: 'center' },
  { header: '学龄儿童\n（人）', kind: 'integer', width: 8 },
  { header: '服务半径内\n（人）', kind: 'integer', width: 8 },
  { header: '覆盖率', kind: 'percent', width: 6 },
  { header: '平均距离\n（千米）', kind: 'rate', width: 6 },
  { header: '最远距离\n（千米）', kind: 'rate', width: 6 },
];

const km = (m: number | null) => (m === null ? null : m / 1000);
const known = (n: number | null) => n ?? '未知';

function coverageRows(panel: LayoutMapPanelInput, n: number): Row[] {
  const rows: Row[] = [{ kind: 'group', cells: [`${chineseOrdinal(n)}、${panel.label}（${panel.year}年）`] }];
  for (const stage of COVERAGE_STAGES) {
    const c = panel.coverage.stages[stage];
    rows.push({ kind: 'subtotal', cells: ['全县', STAGE_LABEL[stage], known(c.children), known(c.covered), c.share, km(c.distance.mean), km(c.distance.max)] });
    for (const t of c.townships) rows.push({ kind: 'data', cells: [t.name, STAGE_LABEL[stage], known(t.children), known(t.covered), t.share, km(t.distance.mean), km(t.distance.max)] });
  }
  return rows;
}

/** Why the table says 未知, once per reason and the stages it concerns. */
function unknownNotes(results: readonly CoverageResult[]): string[] {
  return COVERAGE_UNKNOWN.flatMap((reason) => {
    const stages = COVERAGE_STAGES.filter((s) => results.some((r) => r.stages[s].unknown.includes(reason)));
    return stages.length ? [`${stages.map((s) => STAGE_LABEL[s]).join('、')}覆盖为“未知”：${COVERAGE_UNKNOWN_LABEL[reason]}。`] : [];
  });
}

export function layoutMapAnnex(input: LayoutMapInput, ctx: AnnexContext): MapAnnexContent {
  const first = input.panels[0]?.coverage;
  const radius = first
    ? COVERAGE_STAGES.map((s) => `${STAGE_LABEL[s]}城区 ${first.stages[s].serviceDistance.urban} 米、乡村 ${first.stages[s].serviceDistance.rural} 米`).join('，')
    : '';
  return {
    ...annexFrame('layout-map', ctx),
    body: 'map',
    unit: null,
    notes: [
      `服务半径圈为${input.ringStage}；服务半径：${radius}。`,
      `距离为直线距离乘以路网系数 ${first?.roadFactor ?? 1}；覆盖指村（社区）到最近的同学段学校在服务半径以内。`,
      '学校符号大小表示在校生数，颜色表示学位预警等级（利用率）；规划图中的新建学校以虚线轮廓表示，撤并学校以叉号表示，箭头指向接收学校。',
      ...new Set(input.panels.flatMap((p) => p.coverage.notes)),
      ...unknownNotes(input.panels.map((p) => p.coverage)),
    ],
    maps: input.panels.map((p) => ({ title: `${p.label}（${p.year}年）`, drawing: p.drawing, layers: PRINTED_MAP_LAYERS })),
    table: { columns: LAYOUT_MAP_COLUMNS, rows: input.panels.flatMap((p, i) => coverageRows(p, i + 1)) },
  };
}
