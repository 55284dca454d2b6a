// Census tables often give five-year age bands (0–4, 5–9, …) where the engine needs single
// years. The split is linear within each band, tilted toward its neighbours so the result
// runs smoothly across band edges, and keeps every band's total exactly: a planner checking
// the census table against the program must find the same numbers.
import { roundPreservingTotal } from './math';

export interface AgeBand {
  /** First age of the band, inclusive. */
  from: number;
  /** Last age of the band, inclusive. */
  to: number;
  count: number;
}

export interface SingleAge {
  age: number;
  count: number;
}

export function splitBands(bands: readonly AgeBand[], options: { integers?: boolean } = {}): SingleAge[] {
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  for (const [i, b] of sorted.entries()) {
    if (!Number.isInteger(b.from) || !Number.isInteger(b.to) || b.to < b.from || b.from < 0) {
      throw new RangeError(`年龄组 ${b.from}–${b.to} 岁不正确`);
    }
    if (!(b.count >= 0)) throw new RangeError(`年龄组 ${b.from}–${b.to} 岁的人数不正确`);
    const next = sorted[i + 1];
    if (next && next.from <= b.to) throw new RangeError(`年龄组 ${b.from}–${b.to} 岁与 ${next.from}–${next.to} 岁重叠`);
  }
  const density = sorted.map((b) => b.count / (b.to - b.from + 1));
  const centre = sorted.map((b) => (b.from + b.to) / 2);
  const out: SingleAge[] = [];
  sorted.forEach((b, i) => {
    const width = b.to - b.from + 1;
    const d = density[i] as number;
    const prev = i > 0 ? i - 1 : i;
    const next = i < sorted.length - 1 ? i + 1 : i;
    const span = (centre[next] as number) - (centre[prev] as number);
    let slope = span > 0 ? ((density[next] as number) - (density[prev] as number)) / span : 0;
    // A slope steeper than this would push the band's youngest or oldest age below zero.
    const maxSlope = width > 1 ? d / ((width - 1) / 2) : 0;
    slope = Math.max(-maxSlope, Math.min(maxSlope, slope));
    // Offsets from the band centre sum to zero, so the band total is kept before rounding.
    const values = Array.from({ length: width }, (_, k) => Math.max(0, d + slope * (b.from + k - (centre[i] as number))));
    const parts = options.integers ? roundPreservingTotal(values) : values;
    parts.forEach((count, k) => out.push({ age: b.from + k, count }));
  });
  return out;
}
