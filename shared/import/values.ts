// Cell values as planners' files hold them: numbers stored as text, full-width digits,
// thousands separators, '—' '/' '-' for empty, units typed into the cell.
import type { GridCell } from './grid';
import { shownValue } from './normalise';

export type ValueProblem = 'NOT_A_NUMBER' | 'NOT_INTEGER' | 'NEGATIVE' | 'TOO_LONG' | 'BAD_YEAR' | 'BAD_CODE';

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; problem: ValueProblem };

const EMPTY_WORDS = /^(?:[-—–―─_/\\.…·]+|无|空|暂无|n\/?a|null|none)$/i;
const UNIT_SUFFIX = /(?:人|个|间|所|班|平方米|m2|万元|元|亩|岁|名)$/;
const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?e[+-]?\d{1,3}$/i;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** Numbers are short; anything longer is not one and is not worth scanning. */
const MAX_NUMBER_TEXT = 40;

/** Text a spreadsheet would run as a formula (or a DDE command, '|'); exports prefix it with '. */
export const FORMULA_START = /^[=+\-@|\t\r]/;
const NEUTRALISED = /^'(?=[=+\-@|\t\r])/;

/** Text of a cell after NFKC and trimming, without the ' our exports put before a formula; '' for empty-like markers. */
export function plainText(v: GridCell): string {
  if (v === null || v === undefined) return '';
  const s = (typeof v === 'string' ? v : String(v)).normalize('NFKC').trim().replace(NEUTRALISED, '').trim();
  return EMPTY_WORDS.test(s) ? '' : s;
}

export function parseNumber(v: GridCell): Parsed<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, problem: 'NOT_A_NUMBER' };
  if (typeof v === 'boolean') return { ok: false, problem: 'NOT_A_NUMBER' };
  if (v === null || v === undefined) return { ok: true, value: null };
  if (v.length > MAX_NUMBER_TEXT * 4) return { ok: false, problem: 'TOO_LONG' };
  let s = plainText(v).replace(/\s+/g, '');
  if (s === '') return { ok: true, value: null };
  if (s.length > MAX_NUMBER_TEXT) return { ok: false, problem: 'NOT_A_NUMBER' };
  s = s.replace(UNIT_SUFFIX, '');
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN.test(s) && !SCIENTIFIC.test(s)) return { ok: false, problem: 'NOT_A_NUMBER' };
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, problem: 'NOT_A_NUMBER' };
}

/** A count of people, classes or rooms: a whole number ≥ 0 ('45.0' is fine, '45.5' is not). */
export function parseCount(v: GridCell): Parsed<number> {
  const p = parseNumber(v);
  if (!p.ok || p.value === null) return p;
  if (p.value < 0) return { ok: false, problem: 'NEGATIVE' };
  if (Math.abs(p.value - Math.round(p.value)) > 1e-9) return { ok: false, problem: 'NOT_INTEGER' };
  return { ok: true, value: Math.round(p.value) };
}

/** An area or an amount: ≥ 0, decimals allowed. */
export function parseAmount(v: GridCell): Parsed<number> {
  const p = parseNumber(v);
  if (!p.ok || p.value === null) return p;
  return p.value < 0 ? { ok: false, problem: 'NEGATIVE' } : p;
}

/** 2024, '2024', '2024年', '2024学年', '2024-2025学年' (the autumn year), '2024.0'. */
export function parseYear(v: GridCell): Parsed<number> {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 1949 && v <= 2100 ? { ok: true, value: v } : { ok: false, problem: 'BAD_YEAR' };
  }
  const s = plainText(v).replace(/\s+/g, '');
  if (s === '') return { ok: true, value: null };
  if (s.length > MAX_NUMBER_TEXT) return { ok: false, problem: 'BAD_YEAR' };
  const m = /^((?:19|20)\d{2})(?:\.0+)?(?:年|年度|学年|[-—~至/]\d{2,4}(?:学年|年度)?)?$/.exec(s);
  return m ? { ok: true, value: Number(m[1]) } : { ok: false, problem: 'BAD_YEAR' };
}

/** A code (学校标识码, 乡镇代码): digits and letters; a number cell keeps all its digits. */
export function parseCode(v: GridCell): Parsed<string> {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 0 ? { ok: true, value: BigInt(v).toString() } : { ok: false, problem: 'BAD_CODE' };
  }
  const s = plainText(v).replace(/\s+/g, '').replace(/^'/, '');
  if (s === '') return { ok: true, value: null };
  return /^[0-9A-Za-z]{1,20}$/.test(s) ? { ok: true, value: s } : { ok: false, problem: s.length > 200 ? 'TOO_LONG' : 'BAD_CODE' };
}

export function describeValue(v: GridCell): string {
  return shownValue(v);
}
