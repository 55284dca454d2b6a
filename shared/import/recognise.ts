// The pieces every kind's recogniser is made of: one column's header text → the most likely
// target, with a confidence in [0, 1] and the reason in Chinese. Each kind's own recogniser
// (shared/import/kinds/) combines them; kinds/registry.ts picks the kind's.
import type { SchoolSystem } from '../domain/stages';
import type { FieldSpec } from './fields';
import { parseSex, type Sex } from './grades';
import type { Unit } from './normalise';
import { formatTarget, type Target } from './targets';
import type { TownshipIndex } from './townships';

export interface Recognised {
  target: string;
  confidence: number;
  why: string;
  /** Unit named in the header (㎡, 万元, 亩 …) when the target has one. */
  unit: Unit | null;
}

export interface RecogniseContext {
  system: SchoolSystem;
  townships: TownshipIndex;
}

export const IGNORE: Recognised = { target: 'ignore', confidence: 0, why: '未识别', unit: null };

function synonymScore(key: string, spec: FieldSpec): number {
  if (!key) return 0;
  let best = 0;
  for (const exact of spec.exact ?? []) if (key === exact) best = 0.9;
  for (const syn of spec.synonyms) {
    if (key === syn) return 1;
    if (syn.length >= 2 && key.includes(syn)) best = Math.max(best, 0.62 + 0.3 * (syn.length / key.length));
    else if (key.length >= 2 && syn.includes(key)) best = Math.max(best, 0.45 + 0.3 * (key.length / syn.length));
  }
  return Math.min(best, 0.97);
}

export function bestField(fields: readonly FieldSpec[], key: string): { spec: FieldSpec; score: number } | null {
  let best: { spec: FieldSpec; score: number } | null = null;
  for (const spec of fields) {
    const score = synonymScore(key, spec);
    if (score > 0 && (!best || score > best.score)) best = { spec, score };
  }
  return best;
}

export function fieldResult(best: { spec: FieldSpec; score: number }, unit: Unit | null): Recognised {
  const why = best.score >= 1 ? `列名与“${best.spec.label}”一致` : `列名接近“${best.spec.label}”`;
  return { target: best.spec.field, confidence: best.score, why, unit };
}

export const targetResult = (t: Target, confidence: number, why: string, unit: Unit | null = null): Recognised => ({
  target: formatTarget(t),
  confidence,
  why,
  unit,
});

export function sexOfParts(parts: readonly string[]): Sex | null {
  for (let i = parts.length - 1; i >= 0; i--) {
    const s = parseSex(parts[i] as string);
    if (s) return s;
  }
  return null;
}
