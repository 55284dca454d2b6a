// The annexes a plan document carries, in their customary order (docs/ARCHITECTURE.md,
// "Registries"): the number is how planners refer to them.
import type { AnnexKind, Paper } from './model';

/** What an annex is built from: recorded data, the projection or the plan. */
export type AnnexSourceKind = 'data' | 'projection' | 'plan';

export interface AnnexCatalogEntry {
  kind: AnnexKind;
  /** Its place in the customary list (1–11; the two charts share 7). */
  number: number;
  /** Title without the county prefix. */
  title: string;
  defaultPaper: Paper;
  figure: boolean;
  source: AnnexSourceKind;
}

export const ANNEX_CATALOG: readonly AnnexCatalogEntry[] = [
  { kind: 'indicators', number: 1, title: '主要发展指标表', defaultPaper: 'A4 portrait', figure: false, source: 'plan' },
  { kind: 'forecast', number: 2, title: '学龄人口与在校生预测表', defaultPaper: 'A3 landscape', figure: false, source: 'projection' },
  { kind: 'seat-balance', number: 3, title: '学位供需平衡表', defaultPaper: 'A4 portrait', figure: false, source: 'plan' },
  { kind: 'projects', number: 4, title: '新建改扩建学校项目表', defaultPaper: 'A3 landscape', figure: false, source: 'plan' },
  { kind: 'adjustments', number: 5, title: '学校布局调整表', defaultPaper: 'A4 portrait', figure: false, source: 'plan' },
  { kind: 'schools', number: 6, title: '现状学校一览表', defaultPaper: 'A3 landscape', figure: false, source: 'data' },
  { kind: 'students-chart', number: 7, title: '各学段在校生（历年）', defaultPaper: 'A4 portrait', figure: true, source: 'data' },
  { kind: 'demand-chart', number: 7, title: '各学段学位需求与供给', defaultPaper: 'A4 portrait', figure: true, source: 'plan' },
  { kind: 'teachers', number: 8, title: '教师需求测算表', defaultPaper: 'A4 portrait', figure: false, source: 'plan' },
  { kind: 'layout-map', number: 9, title: '学校布局规划图', defaultPaper: 'A3 landscape', figure: true, source: 'plan' },
  // Numbered after the map so that every annex number of earlier documents stays what it was.
  { kind: 'planned-schools', number: 10, title: '规划学校一览表', defaultPaper: 'A3 landscape', figure: false, source: 'plan' },
  { kind: 'completed-projects', number: 11, title: '上期规划项目完成情况表', defaultPaper: 'A4 portrait', figure: false, source: 'plan' },
];

export function catalogEntry(kind: AnnexKind): AnnexCatalogEntry {
  const entry = ANNEX_CATALOG.find((e) => e.kind === kind);
  if (!entry) throw new RangeError(`未知的附件类型：${kind}`);
  return entry;
}

/** The planner's prefix and the annex title, joined as printed ("示例县" + "现状学校一览表"). */
export function annexTitle(prefix: string, title: string): string {
  return `${prefix.trim()}${title}`;
}

/** 制表日期 as government documents write it: 2025年11月25日 (no leading zeros). */
export function tableDate(year: number, month: number, day: number): string {
  return `${year}年${month}月${day}日`;
}

/** A span of years as printed in titles and cells: 2026—2030年, or 2026年 alone. */
export function yearSpan(from: number | null, to: number | null): string {
  if (from === null && to === null) return '';
  if (from === null || to === null || from === to) return `${from ?? to}年`;
  return `${from}—${to}年`;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Heading numbers of group rows: 一、…、十、十一、…、九十九 (Arabic numerals beyond). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = DIGITS[n % 10] ?? '';
  if (tens === 0) return ones;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones}`;
}
