// `project` and `backtest`: the projection on the command line. JSON output is the API
// result as it is (what the UI shows); without --json a compact table in Chinese.
import { STAGE_LABEL, STAGES, type Stage } from '../../shared/domain';
import { METHOD_LABEL, type BacktestResult, type ProjectionResult } from '../../shared/projection';

/**
 * JSON with objects indented but arrays of numbers on one line: a 15-year series stays
 * readable and the output of a county stays a few hundred lines, not tens of thousands.
 */
export function compactJson(value: unknown): string {
  const flat = (v: unknown): boolean => v === null || typeof v !== 'object';
  const walk = (v: unknown, indent: string): string => {
    if (Array.isArray(v)) {
      if (v.every(flat) || v.every((x) => Array.isArray(x) && x.every(flat))) return JSON.stringify(v);
      const inner = indent + '  ';
      return `[\n${v.map((x) => inner + walk(x, inner)).join(',\n')}\n${indent}]`;
    }
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
      if (entries.length === 0) return '{}';
      const inner = indent + '  ';
      return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${walk(x, inner)}`).join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(v) ?? 'null';
  };
  return walk(value, '');
}

function pad(text: string | number, width: number): string {
  const s = String(text);
  // CJK characters take two columns in a terminal.
  const w = [...s].reduce((n, ch) => n + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  return ' '.repeat(Math.max(0, width - w)) + s;
}

function shownStages(r: ProjectionResult): Stage[] {
  return STAGES.filter((s) => r.county[s].some((v) => v > 0) || (r.history.county[s].at(-1) ?? 0) > 0);
}

export function projectionText(r: ProjectionResult, countyName: string): string {
  const stages = shownStages(r);
  const lines = [`${countyName} 学龄人口与在校生预测（情景：${r.scenario}，基准年 ${r.baseYear}，${r.schoolSystem}）`, ''];
  lines.push([pad('年份', 8), ...stages.map((s) => pad(STAGE_LABEL[s], 9))].join(''));
  lines.push([pad(`${r.baseYear}*`, 8), ...stages.map((s) => pad(r.history.county[s].at(-1) ?? 0, 9))].join(''));
  r.years.forEach((y, i) => lines.push([pad(y, 8), ...stages.map((s) => pad(r.county[s][i] ?? 0, 9))].join('')));
  if (r.countyLow && r.countyHigh) {
    const low = r.countyLow;
    const high = r.countyHigh;
    lines.push('', `80% 预测区间（${r.intervals.source === 'backtest' ? '按本县历年回测误差' : '按历年逐年变化（历史过短，无法回测）'}）`);
    r.years.forEach((y, i) => lines.push([pad(y, 8), ...stages.map((s) => pad(`${low[s][i] ?? 0}–${high[s][i] ?? 0}`, 16))].join('')));
  }
  lines.push(`（* 为实际数据；共 ${r.townships.length} 个乡镇（街道）、${r.schools.length} 个学校学段的逐年预测见 --json 或 --out 导出的表格）`, '');
  for (const p of r.peaks) if (p.stage !== 'special') lines.push(p.text);
  if (r.flags.length) {
    lines.push('', '说明：');
    for (const f of r.flags) lines.push(`  ${f.level === 'warning' ? '注意' : '·'} ${f.message}`);
  }
  return lines.join('\n');
}

export function backtestText(b: BacktestResult): string {
  const lines = [`回测：以 ${b.baseYear} 年为基准年（只用当时已有的数据），预测 ${b.years[0]}–${b.to} 年并与实际比较`, ''];
  lines.push(`平均绝对百分比误差（MAPE，%）；偏差为正表示预测偏高`);
  lines.push([pad('层级', 6), pad('学段', 10), pad('本程序', 9), pad('偏差', 9), pad('沿用基准年', 12), pad('线性趋势', 10), '  最准确'].join(''));
  const level = { county: '全县', township: '乡镇', school: '学校' } as const;
  const f = (x: number | null) => (x === null ? '—' : x.toFixed(1));
  for (const l of ['county', 'township', 'school'] as const) {
    const rows: [string, NonNullable<BacktestResult['byLevel']['county'][Stage]>][] = STAGES.flatMap((s) => {
      const a = b.byLevel[l][s];
      return a ? [[STAGE_LABEL[s], a] as [string, typeof a]] : [];
    });
    rows.push(['合计', b.overall[l]]);
    for (const [name, a] of rows) {
      lines.push(
        [pad(level[l], 6), pad(name, 10), pad(f(a.mape), 9), pad(f(a.bias), 9), pad(f(a.baselines.persistence.mape), 12), pad(f(a.baselines.trend.mape), 10), `  ${a.best ? METHOD_LABEL[a.best] : '—'}`].join(''),
      );
    }
  }
  if (b.byHorizon.length > 0) {
    lines.push('', '逐年误差（从基准年预测第 h 年，与当年实际比较；各学段合计）');
    lines.push([pad('h', 4), pad('年份', 8), pad('层级', 6), pad('本程序', 9), pad('沿用基准年', 12), pad('线性趋势', 10), pad('80%区间覆盖', 13)].join(''));
    for (const hz of b.byHorizon) {
      for (const l of ['county', 'township', 'school'] as const) {
        const a = hz.levels[l];
        lines.push([pad(hz.h, 4), pad(hz.year, 8), pad(level[l], 6), pad(f(a.mape), 9), pad(f(a.baselines.persistence.mape), 12), pad(f(a.baselines.trend.mape), 10), pad(a.coverage === null ? '—' : `${f(a.coverage)}%`, 13)].join(''));
      }
    }
  }
  lines.push('', ...b.verdict);
  return lines.join('\n');
}
