// Small pieces every provider uses: the annex frame from the catalog, null-aware sums.
import { annexTitle, catalogEntry } from '../catalog';
import type { AnnexContext, AnnexKind, Paper } from '../model';

export interface AnnexFrame {
  kind: AnnexKind;
  title: string;
  date: string;
  paper: Paper;
}

/** Kind, prefixed title, date and paper (the planner's, else the kind's default). */
export function annexFrame(kind: AnnexKind, ctx: AnnexContext, title?: string): AnnexFrame {
  const entry = catalogEntry(kind);
  return { kind, title: annexTitle(ctx.titlePrefix, title ?? entry.title), date: ctx.date, paper: ctx.paper ?? entry.defaultPaper };
}

/** Sum of the known values; null when none is known (an empty cell, not a false zero). */
export function sumKnown(values: readonly (number | null | undefined)[]): number | null {
  let total: number | null = null;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) total = (total ?? 0) + v;
  return total;
}

export function ratio(numerator: number | null, denominator: number | null, digits = 3): number | null {
  if (numerator === null || denominator === null || denominator <= 0) return null;
  return round(numerator / denominator, digits);
}

export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
