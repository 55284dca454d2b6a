// The 分学段 table: each stage's students in the base year and every projected year, with the
// 80 % interval in a row of its own under them. A plain table (components/PlainTable.tsx): a
// slider's answer changes most of its figures, and an antd cell per figure made that answer's
// render several times the cost of the rest of the page.
import { memo, useMemo } from 'react';
import { STAGE_LABEL, type Stage } from '@shared/domain';
import type { ProjectionResult } from '@shared/projection';
import { zh } from '../../i18n/zh';
import { STAGE_COLOR } from '../../lib/colors';
import { fmtInt } from '../../lib/format';
import { HelpText, helpTitle } from '../NumberHelp';
import { PlainTable, plainCellClass, type PlainColumn } from '../PlainTable';
import { intervalText } from './IntervalText';
import { baseValue } from './stages';

const t = zh.forecast.county;

export interface CountyRow {
  stage: Stage;
  base: number;
  values: readonly number[];
  /** The 80 % interval, when the projection has one (a row of its own under the figures). */
  low: readonly number[] | null;
  high: readonly number[] | null;
  /** Year of the stage's peak when it lies inside the projection. */
  peakYear: number | null;
}

export function countyRows(result: ProjectionResult, stages: readonly Stage[]): CountyRow[] {
  return stages.map((stage) => {
    const peak = result.peaks.find((p) => p.stage === stage);
    return {
      stage,
      base: baseValue(result, stage),
      values: result.county[stage],
      low: result.countyLow?.[stage] ?? null,
      high: result.countyHigh?.[stage] ?? null,
      peakYear: peak?.kind === 'peak' ? peak.peakYear : null,
    };
  });
}

const sameList = (a: readonly number[] | null, b: readonly number[] | null) => a === b || (a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]));

/** Whether a stage's rows would show the same: every answer brings new arrays, most with the same figures. */
export function sameCountyRow(a: CountyRow, b: CountyRow): boolean {
  return a.stage === b.stage && a.base === b.base && a.peakYear === b.peakYear && sameList(a.values, b.values) && sameList(a.low, b.low) && sameList(a.high, b.high);
}

export function countyColumns(baseYear: number, years: readonly number[]): PlainColumn[] {
  return [
    { key: 'stage', title: t.colStage, minWidth: 88, fixed: true },
    { key: 'base', title: helpTitle(`${baseYear}（${t.actual}）`, 'forecast.actual'), minWidth: 96, align: 'right' },
    ...years.map((y): PlainColumn => ({ key: String(y), title: helpTitle(String(y), 'forecast.county'), minWidth: 66, align: 'right' })),
  ];
}

const StageRows = memo(
  function StageRows({ row, years, columns }: { row: CountyRow; years: readonly number[]; columns: readonly PlainColumn[] }) {
    const cls = columns.map(plainCellClass);
    const { low, high } = row;
    return (
      <>
        <tr className="plain-table-row">
          <td className={cls[0]}>
            <span className="stage-dot" style={{ background: STAGE_COLOR[row.stage] }} />
            {STAGE_LABEL[row.stage]}
          </td>
          <td className={cls[1]}>
            <span className="num muted-strong">{fmtInt(row.base)}</span>
          </td>
          {years.map((y, i) => (
            <td key={y} className={cls[i + 2]}>
              <span className={`num${row.peakYear === y ? ' peak-cell' : ''}`}>{fmtInt(row.values[i])}</span>
            </td>
          ))}
        </tr>
        {low && high ? (
          <tr className="plain-table-row">
            <td className={cls[0]}>
              <HelpText explain="forecast.interval">
                <span className="interval-text">{t.intervalRow}</span>
              </HelpText>
            </td>
            <td className={cls[1]} />
            {years.map((y, i) => (
              <td key={y} className={cls[i + 2]}>
                {intervalText(low[i], high[i])}
              </td>
            ))}
          </tr>
        ) : null}
      </>
    );
  },
  (prev, next) => prev.years === next.years && prev.columns === next.columns && sameCountyRow(prev.row, next.row),
);

export function CountyTable({ result, stages }: { result: ProjectionResult; stages: readonly Stage[] }) {
  // Kept while only the figures change (a slider move): the headings, each with its help
  // tooltip, are not rendered again. Keyed by the years' text, as every answer is a new array.
  const yearsKey = result.years.join(',');
  const years = useMemo(() => yearsKey.split(',').map(Number), [yearsKey]);
  const columns = useMemo(() => countyColumns(result.baseYear, years), [result.baseYear, years]);
  return (
    <PlainTable columns={columns} testId="forecast-county-table">
      {countyRows(result, stages).map((row) => (
        <StageRows key={row.stage} row={row} years={years} columns={columns} />
      ))}
    </PlainTable>
  );
}
