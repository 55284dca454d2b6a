// Header and value text as a planner's files spell it, reduced to one comparable form:
// full-width → half-width (NFKC), Traditional → Simplified, no spaces, units taken out of
// brackets. Every function here is linear in its input and caps what it looks at, so a
// hostile cell of a million characters costs nothing.
import { toSimplified } from './traditional';

/** Header cells longer than this are not headers; only their start is looked at. */
export const HEADER_TEXT_CAP = 120;

export type Unit = 'm2' | 'mu' | 'yuan' | 'wanyuan' | 'person' | 'count' | 'room';

export interface NormalisedHeader {
  /** NFKC + simplified + no whitespace: keeps '-' and brackets (age bands need them). */
  compact: string;
  /** compact without bracketed units, punctuation and unit words: used for synonyms. */
  key: string;
  unit: Unit | null;
}

const WHITESPACE = /[\s\u00a0\u3000\u200b\ufeff]+/g;
// One character class, no nesting: linear.
const PUNCTUATION = /[：:、，,。．.·•\-—–_/\\'"“”‘’()（）[\]【】{}《》<>*#№~～!！?？;；|+=]/g;

export function cellText(value: unknown, cap = HEADER_TEXT_CAP): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return s.length > cap ? s.slice(0, cap) : s;
}

/** NFKC, Simplified, no whitespace. '（㎡）' becomes '(m2)', '１２' becomes '12'. */
export function compactText(value: unknown, cap = HEADER_TEXT_CAP): string {
  return toSimplified(cellText(value, cap).normalize('NFKC')).replace(WHITESPACE, '');
}

const UNIT_WORDS: readonly [string, Unit][] = [
  ['平方米', 'm2'],
  ['m2', 'm2'],
  ['万元', 'wanyuan'],
  ['千元', 'yuan'],
  ['元', 'yuan'],
  ['亩', 'mu'],
  ['人', 'person'],
  ['个', 'count'],
  ['所', 'count'],
  ['间', 'room'],
  ['班', 'count'],
];

function unitOf(text: string): Unit | null {
  // '千元' is rare in these tables and would need its own factor; treat it as unknown.
  if (text.includes('千元')) return null;
  for (const [word, unit] of UNIT_WORDS) if (text === word) return unit;
  return null;
}

/** Text inside the last (…) group, and the text without it; brackets are already half-width. */
function splitBracket(compact: string): { base: string; inside: string } {
  const close = compact.lastIndexOf(')');
  const open = close > 0 ? compact.lastIndexOf('(', close) : -1;
  if (open < 0 || close !== compact.length - 1) return { base: compact, inside: '' };
  return { base: compact.slice(0, open), inside: compact.slice(open + 1, close) };
}

const TRAILING_UNITS: readonly [string, Unit][] = [
  ['平方米', 'm2'],
  ['m2', 'm2'],
  ['万元', 'wanyuan'],
  ['亩', 'mu'],
];

export function normaliseHeader(value: unknown): NormalisedHeader {
  const compact = compactText(value);
  const { base, inside } = splitBracket(compact);
  let unit = inside ? unitOf(inside) : null;
  let rest = inside && unit === null && !/^\d/.test(inside) ? compact : base;
  if (!inside) {
    for (const [word, u] of TRAILING_UNITS) {
      if (rest.endsWith(word) && rest.length > word.length) {
        unit = u;
        rest = rest.slice(0, -word.length);
        break;
      }
    }
  }
  return { compact, key: rest.replace(PUNCTUATION, '').toLowerCase(), unit };
}

/** A name (school, township) for matching: NFKC, Simplified, no spaces or punctuation. */
export function normaliseName(value: unknown): string {
  return compactText(value, 200).replace(PUNCTUATION, '').toLowerCase();
}

/** Cell value shown in an issue: short enough to read, says how long it really was. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return s.length > 60 ? `${s.slice(0, 40)}…（共 ${s.length} 字）` : s;
}

/** Excel column letters: 0 → A, 27 → AB. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
