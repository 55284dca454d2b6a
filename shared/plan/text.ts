// Number wording for the sentences the evaluation writes (warnings, helper).
import { STAGE_LABEL, type Stage } from '../domain/stages';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

export function n(x: number): string {
  return integer.format(Math.round(x));
}

export function pct(u: number): string {
  return `${Math.round(u * 100)}%`;
}

export function stageName(stage: Stage): string {
  return STAGE_LABEL[stage];
}

/** 万元 with one decimal, without a trailing .0. */
const oneDecimal = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

export function wan(x: number): string {
  return oneDecimal.format(Math.round(x * 10) / 10);
}

/** "95.3%", "231 个", "0.5": a value with its unit as a table or sentence shows it. */
export function withUnit(value: number, unit: string): string {
  return unit === '' || unit === '%' ? `${value}${unit}` : `${value} ${unit}`;
}
