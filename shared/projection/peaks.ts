// Where a stage's projected students peak, or that they only fall or only rise: the sentence
// the 预测 page and the CLI show ("初中在校生预计 2028 年达到峰值……此后逐年下降"), in the screen's
// style for numbers in text (docs/ARCHITECTURE.md, "Years in text").

export interface StagePeak {
  kind: 'peak' | 'falling' | 'rising' | 'flat';
  baseYear: number;
  baseValue: number;
  peakYear: number;
  peakValue: number;
  /** Lowest value after the peak (or over the whole series when falling). */
  lowYear: number;
  lowValue: number;
  endYear: number;
  endValue: number;
}

/** Movements under this share of the base value read as flat. */
const FLAT = 0.03;

/** series[0] is the base year's recorded value, then one value per projected year. */
export function peakOf(baseYear: number, series: readonly number[]): StagePeak | null {
  if (series.length < 2) return null;
  const base = series[0] as number;
  if (base <= 0 && series.every((v) => v <= 0)) return null;
  let peakI = 0;
  for (let i = 1; i < series.length; i++) if ((series[i] as number) > (series[peakI] as number)) peakI = i;
  let lowI = peakI;
  for (let i = peakI; i < series.length; i++) if ((series[i] as number) < (series[lowI] as number)) lowI = i;
  const end = series.length - 1;
  const max = series[peakI] as number;
  const min = Math.min(...series);
  const kind: StagePeak['kind'] =
    max - min <= FLAT * Math.max(1, base) ? 'flat' : peakI === 0 ? 'falling' : peakI === end ? 'rising' : 'peak';
  return {
    kind,
    baseYear,
    baseValue: base,
    peakYear: baseYear + peakI,
    peakValue: max,
    lowYear: baseYear + lowI,
    lowValue: series[lowI] as number,
    endYear: baseYear + end,
    endValue: series[end] as number,
  };
}

const people = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

function pct(from: number, to: number): string {
  return from > 0 ? `${Math.abs(Math.round(((to - from) / from) * 100))}%` : '—';
}

/** The sentence for the screen, e.g. “初中在校生预计 2028 年达到峰值 12,345 人，此后逐年下降……”. */
export function peakSentence(label: string, p: StagePeak, series: readonly number[]): string {
  const n = (x: number) => people.format(x);
  const after = series.slice(p.peakYear - p.baseYear);
  const steady = after.every((v, i) => i === 0 || v <= (after[i - 1] as number));
  const rebound = p.lowYear < p.endYear && p.endValue > p.lowValue * 1.03;
  switch (p.kind) {
    case 'flat':
      return `${label}在校生预计基本平稳，${p.endYear} 年为 ${n(p.endValue)} 人。`;
    case 'rising':
      return `${label}在校生预计持续增长，${p.endYear} 年达到 ${n(p.endValue)} 人（较 ${p.baseYear} 年增加 ${pct(p.baseValue, p.endValue)}）。`;
    case 'falling':
      return rebound
        ? `${label}在校生预计逐年下降，${p.lowYear} 年降至最低 ${n(p.lowValue)} 人后略有回升，${p.endYear} 年为 ${n(p.endValue)} 人。`
        : `${label}在校生预计${steady ? '逐年' : '总体'}下降，由 ${p.baseYear} 年的 ${n(p.baseValue)} 人降至 ${p.endYear} 年的 ${n(p.endValue)} 人（减少 ${pct(p.baseValue, p.endValue)}）。`;
    case 'peak':
      return rebound
        ? `${label}在校生预计 ${p.peakYear} 年达到峰值 ${n(p.peakValue)} 人，此后下降，${p.lowYear} 年降至 ${n(p.lowValue)} 人后回升，${p.endYear} 年为 ${n(p.endValue)} 人。`
        : `${label}在校生预计 ${p.peakYear} 年达到峰值 ${n(p.peakValue)} 人，此后${steady ? '逐年' : '总体'}下降，${p.endYear} 年为 ${n(p.endValue)} 人。`;
  }
}
