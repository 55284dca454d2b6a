// Rolling-origin accuracy: the backtest from every base year that has two earlier years and
// a later one, pooled per horizon and level (errors weighted by the units each origin
// compared). The figure a planner could have measured had they used the engine each year.
import type { ProjectionData } from '../../shared/projection/data';
import { backtest, DEFAULT_SCENARIOS, type BacktestLevel, type MethodSettings } from '../../shared/projection';

export interface AccuracyRow {
  h: number;
  level: BacktestLevel;
  n: number;
  origins: number;
  projection: number;
  persistence: number;
  trend: number;
  /** Share of actual values inside the 80 % interval, %; null when the engine gave none. */
  coverage: number | null;
}

export const LEVELS: readonly BacktestLevel[] = ['school', 'township', 'county'];

export function rollingAccuracy(data: ProjectionData, settings: MethodSettings): AccuracyRow[] {
  const years = [...new Set(data.enrolment.map((r) => r.year))].sort((a, b) => a - b);
  const first = years[0] as number;
  const last = years.at(-1) as number;
  const scenario = DEFAULT_SCENARIOS[1] ?? (DEFAULT_SCENARIOS[0] as (typeof DEFAULT_SCENARIOS)[number]);
  const acc = new Map<string, { n: number; origins: number; p: number; per: number; tr: number; cov: number; covN: number }>();
  for (let base = first + 1; base < last; base++) {
    const bt = backtest(data, base, last, settings, scenario);
    for (const hz of bt.byHorizon) {
      for (const level of LEVELS) {
        const a = hz.levels[level];
        if (a.mape === null || a.n === 0) continue;
        const key = `${hz.h}|${level}`;
        const cur = acc.get(key) ?? { n: 0, origins: 0, p: 0, per: 0, tr: 0, cov: 0, covN: 0 };
        cur.n += a.n;
        cur.origins += 1;
        cur.p += a.mape * a.n;
        cur.per += (a.baselines.persistence.mape ?? 0) * a.n;
        cur.tr += (a.baselines.trend.mape ?? 0) * a.n;
        const cov = (a as { coverage?: number | null }).coverage;
        if (cov !== undefined && cov !== null) {
          cur.cov += cov * a.n;
          cur.covN += a.n;
        }
        acc.set(key, cur);
      }
    }
  }
  return [...acc.entries()]
    .map(([key, v]) => {
      const [h = '0', level = 'school'] = key.split('|');
      return {
        h: Number(h),
        level: level as BacktestLevel,
        n: v.n,
        origins: v.origins,
        projection: v.p / v.n,
        persistence: v.per / v.n,
        trend: v.tr / v.n,
        coverage: v.covN > 0 ? v.cov / v.covN : null,
      };
    })
    .sort((a, b) => a.h - b.h || LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
}

const LEVEL_LABEL: Record<BacktestLevel, string> = { school: '学校', township: '乡镇', county: '全县' };

export function formatAccuracy(rows: readonly AccuracyRow[]): string {
  const head = '  年数  层级   本程序   沿用上年   线性趋势   比值   区间覆盖   样本（起点）';
  const lines = rows.map((r) =>
    [
      `  h=${r.h}`,
      LEVEL_LABEL[r.level].padEnd(4, '　'),
      `${r.projection.toFixed(2)}%`.padStart(8),
      `${r.persistence.toFixed(2)}%`.padStart(9),
      `${r.trend.toFixed(2)}%`.padStart(9),
      (r.persistence > 0 ? r.projection / r.persistence : NaN).toFixed(2).padStart(6),
      (r.coverage === null ? '—' : `${r.coverage.toFixed(1)}%`).padStart(9),
      `  ${r.n}（${r.origins}）`,
    ].join(' '),
  );
  return [head, ...lines].join('\n');
}
