// Age labels of census and yearly population tables (0岁, 1-4岁, 5～9岁, 85岁及以上) and
// the split of age bands into single years of age.
import { largestRemainder } from '../analysis/apportion';

export interface AgeSpan {
  from: number;
  /** Inclusive; null for an open band such as 85岁及以上. */
  to: number | null;
}

export const MAX_AGE = 120;

const SINGLE = /^(?:年龄)?(\d{1,3})(?:岁|周岁)?$/;
const BAND = /^(\d{1,3})(?:岁|周岁)?[-~至到—–](\d{1,3})(?:岁|周岁)?$/;
const OPEN = /^(\d{1,3})(?:岁|周岁)?(?:及以上|以上|\+|及其以上)$/;
const UNDER_ONE = /^(?:不满1岁|1岁以下|不足1岁|0周岁)$/;

/** `compact` is NFKC + Simplified without spaces (normaliseHeader().compact). */
export function parseAge(compact: string): AgeSpan | null {
  const text = compact.replace(/[()]/g, '');
  if (UNDER_ONE.test(text)) return { from: 0, to: 0 };
  let m = SINGLE.exec(text);
  if (m) {
    const a = Number(m[1]);
    return a <= MAX_AGE ? { from: a, to: a } : null;
  }
  m = BAND.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    return a <= b && b <= MAX_AGE ? { from: a, to: b } : null;
  }
  m = OPEN.exec(text);
  if (m) {
    const a = Number(m[1]);
    return a <= MAX_AGE ? { from: a, to: null } : null;
  }
  return null;
}

export function ageSpanLabel(span: AgeSpan): string {
  if (span.to === null) return `${span.from}岁及以上`;
  return span.from === span.to ? `${span.from}岁` : `${span.from}-${span.to}岁`;
}

export interface BandCount {
  from: number;
  to: number;
  count: number;
}

/**
 * Splits consecutive age bands into single years with a piecewise-linear density: each
 * band keeps its mean, the slope inside a band follows its neighbours, negative values are
 * flattened out, and the integer result keeps every band's total exactly (largest
 * remainder). Single-year "bands" pass through unchanged.
 */
export function splitBands(bands: readonly BandCount[]): Map<number, number> {
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  const density = sorted.map((b) => b.count / (b.to - b.from + 1));
  const out = new Map<number, number>();
  sorted.forEach((band, i) => {
    const width = band.to - band.from + 1;
    if (width === 1) {
      out.set(band.from, band.count);
      return;
    }
    const d = density[i] ?? 0;
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    // Density at the band's edges: the mean of the two neighbouring bands' densities.
    const left = prev && prev.to + 1 === band.from ? ((density[i - 1] ?? d) + d) / 2 : d;
    const right = next && band.to + 1 === next.from ? ((density[i + 1] ?? d) + d) / 2 : d;
    // Edge densities that both sit on the same side of the mean: a peak or trough band;
    // keep it flat rather than invent a shape.
    let slope = (left - d) * (right - d) > 0 ? 0 : (right - left) / width;
    const mid = band.from + width / 2;
    const at = (age: number) => d + slope * (age + 0.5 - mid);
    const lowest = Math.min(at(band.from), at(band.to));
    if (lowest < 0 && d > 0) slope *= d / (d - lowest);
    const raw = Array.from({ length: width }, (_, k) => Math.max(0, d + slope * (band.from + k + 0.5 - mid)));
    const ints = largestRemainder(raw, band.count);
    ints.forEach((v, k) => out.set(band.from + k, v));
  });
  return out;
}

export interface AgeHeader {
  span: AgeSpan;
  sex: 'M' | 'F' | null;
}

const SEX_FIRST = /^(男性?|女性?)[_\-~]*/;
const SEX_LAST = /[_\-~]*(男性?|女性?)$/;
const SUBTOTAL = /[_\-~]*(合计|小计|计)$/;
const SUBTOTAL_FIRST = /^(合计|总计|小计)[_\-~]*/;
const EDGE_SEPARATORS = /^[_\-~]+|[_\-~]+$/g;

/**
 * A census column header: an age or band with the sex before or after it and any
 * separator (男_0岁, 女(100岁以上), 1～4岁_男, 男 1至4岁, 5-9岁合计_男, 0-4岁合计). `compact` is
 * normaliseHeader().compact (half-width, no spaces).
 */
export function parseAgeHeader(compact: string): AgeHeader | null {
  let text = compact.replace(/[()[\]【】]/g, '');
  let sex: 'M' | 'F' | null = null;
  text = text.replace(SUBTOTAL_FIRST, '');
  const first = SEX_FIRST.exec(text);
  if (first) {
    sex = first[1]?.startsWith('男') ? 'M' : 'F';
    text = text.slice(first[0].length);
  }
  text = text.replace(SUBTOTAL, '');
  const last = SEX_LAST.exec(text);
  if (last && !sex) {
    sex = last[1]?.startsWith('男') ? 'M' : 'F';
    text = text.slice(0, last.index);
  }
  text = text.replace(SUBTOTAL, '').replace(EDGE_SEPARATORS, '');
  const span = parseAge(text);
  return span ? { span, sex } : null;
}
