// 学位供需矩阵: planning areas (expandable into townships) × years for one stage, each cell
// the seats short (+) or spare (−) — or the use — coloured by the warning level.
import { useMemo } from 'react';
import { Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Stage } from '@shared/domain';
import { COUNTY_STAGES, type GapRow, type PlanEvaluation } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { fmtInt, fmtRatio } from '../../lib/format';
import { LEVEL_BG, LEVEL_FG } from './levels';
import { helpTitle } from '../NumberHelp';
import { STICKY_SCROLL } from '../CompactTable';

const t = zh.plan.gaps;

export type GapMode = 'gap' | 'use';

interface Row {
  key: string;
  label: string;
  kind: 'area' | 'township' | 'county';
  cells: Map<number, GapRow>;
  children?: Row[];
}

function signed(n: number): string {
  if (n > 0) return `+${fmtInt(n)}`;
  if (n < 0) return `−${fmtInt(-n)}`;
  return '0';
}

function cellTitle(g: GapRow): string {
  return t.cell(
    fmtInt(g.demand),
    fmtInt(g.capacity),
    g.gap > 0 ? t.short(fmtInt(g.gap)) : t.spare(fmtInt(-g.gap)),
    g.classGap > 0 ? t.classesShort(fmtInt(g.classGap)) : t.classesSpare(fmtInt(-g.classGap)),
    fmtRatio(g.utilisation),
  );
}

function byYear(rows: readonly GapRow[]): Map<number, GapRow> {
  return new Map(rows.map((r) => [r.year, r]));
}

export function GapMatrix({ ev, stage, mode }: { ev: PlanEvaluation; stage: Stage; mode: GapMode }) {
  const rows = useMemo<Row[]>(() => {
    const stageGaps = ev.gaps.filter((g) => g.stage === stage);
    const stageTownships = ev.townships.filter((g) => g.stage === stage);
    const county: Row = { key: 'county', label: t.county, kind: 'county', cells: byYear(ev.county.filter((g) => g.stage === stage)) };
    if (COUNTY_STAGES.includes(stage)) return [county];
    const out: Row[] = [];
    for (const area of ev.areas) {
      const cells = byYear(stageGaps.filter((g) => g.area === area.name));
      if (cells.size === 0) continue;
      const children = area.townships
        .map((tw): Row => ({ key: `t-${tw.code}`, label: tw.name, kind: 'township', cells: byYear(stageTownships.filter((g) => g.township === tw.code)) }))
        .filter((r) => r.cells.size > 0);
      out.push({ key: `a-${area.name}`, label: area.name, kind: 'area', cells, ...(children.length > 0 ? { children } : {}) });
    }
    out.push(county);
    return out;
  }, [ev, stage]);

  const columns = useMemo<ColumnsType<Row>>(() => {
    const target = ev.plan.targetYear;
    return [
      { title: t.area, dataIndex: 'label', key: 'label', fixed: 'left', width: 132, ellipsis: true },
      ...ev.years.map((year) => ({
        title: helpTitle(String(year), mode === 'gap' ? 'plan.gap' : 'plan.utilisation'),
        key: String(year),
        width: 66,
        className: 'gap-cell',
        onHeaderCell: () => ({ className: `gap-cell${year > target ? ' outlook-col' : ''}${year === target ? ' target-col' : ''}` }),
        render: (_: unknown, row: Row) => {
          const g = row.cells.get(year);
          if (!g) return null;
          const text = mode === 'gap' ? signed(g.gap) : fmtRatio(g.utilisation);
          return (
            <Tooltip title={`${row.label} ${year} 年：${cellTitle(g)}`}>
              <span className="gap-value" data-level={g.level} style={{ background: LEVEL_BG[g.level], color: g.level === 'red' ? LEVEL_FG.red : undefined }}>
                {text}
              </span>
            </Tooltip>
          );
        },
      })),
    ];
  }, [ev.years, ev.plan.targetYear, mode]);

  return (
    <Table<Row>
      className="gap-matrix"
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      pagination={false}
      bordered
      scroll={{ x: 132 + ev.years.length * 66 }}
      sticky={STICKY_SCROLL}
      rowClassName={(r) => `row-${r.kind}`}
      expandable={{ indentSize: 0 }}
      data-testid="gap-matrix"
    />
  );
}
