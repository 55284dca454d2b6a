// Number and date formatting for a Chinese reader: grouping by Intl (zh-CN), percentages
// with one decimal, areas and money with their units.
import dayjs from 'dayjs';
import { zh } from '../i18n/zh';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToTwo = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? zh.common.none : integer.format(n);
}

export function fmtDec1(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? zh.common.none : oneDecimal.format(n);
}

/** A ratio (0.93) as a percentage ("93.0%"). */
export function fmtRatio(r: number | null | undefined): string {
  return r === null || r === undefined || !Number.isFinite(r) ? zh.common.none : `${oneDecimal.format(r * 100)}%`;
}

/** A value already in percent (−12.34) as "−12.3%"; signed when asked. */
export function fmtPct(p: number | null | undefined, signed = false): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return zh.common.none;
  const text = `${oneDecimal.format(Math.abs(p))}%`;
  if (!signed || Math.abs(p) < 0.05) return text;
  return p > 0 ? `+${text}` : `−${text}`;
}

export function fmtWithUnit(n: number | null | undefined, unit: string, decimals = false): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return zh.common.none;
  return `${decimals ? upToTwo.format(n) : integer.format(n)} ${unit}`;
}

export function fmtBytes(bytes: number): string {
  if (bytes < 1024) return `${integer.format(bytes)} ${zh.units.bytes}`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} ${zh.units.kb}`;
  return `${oneDecimal.format(bytes / 1024 / 1024)} ${zh.units.mb}`;
}

/** '000000' is how a project without a county code is stored; it is not a real code, so show nothing. */
export function shownCountyCode(code: string | null | undefined): string {
  return code && !/^0+$/.test(code) ? code : '';
}

export function fmtTime(iso: string, seconds = false): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format(seconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : iso;
}
