// The annex tables (附件) as plain data, independent of any output format: the HTML/PDF,
// XLSX and DOCX renderers all read this one model, so the three files cannot disagree.
import type { MapDrawing, MapLayer } from '../map/model';
import type { NumberKey } from '../explain/numbers';

export const PAPERS = ['A4 portrait', 'A3 landscape'] as const;
export type Paper = (typeof PAPERS)[number];

export interface PaperSpec {
  label: string;
  widthMm: number;
  heightMm: number;
  /** Type-area margins. A4 follows GB/T 9704-2012 (版心 156 × 225 mm); A3 has no norm there. */
  margin: { top: number; right: number; bottom: number; left: number };
}

export const PAPER_SPEC: Record<Paper, PaperSpec> = {
  'A4 portrait': { label: 'A4 纵向', widthMm: 210, heightMm: 297, margin: { top: 37, right: 26, bottom: 35, left: 28 } },
  'A3 landscape': { label: 'A3 横向', widthMm: 420, heightMm: 297, margin: { top: 30, right: 25, bottom: 28, left: 25 } },
};

/** Width and height of the type area (版心) in mm. */
export function typeArea(paper: Paper): { widthMm: number; heightMm: number } {
  const p = PAPER_SPEC[paper];
  return { widthMm: p.widthMm - p.margin.left - p.margin.right, heightMm: p.heightMm - p.margin.top - p.margin.bottom };
}

/**
 * How a number is shown: integer with thousands separators (#,##0), serial without them
 * (序号, years: 0), rate with one decimal (0.0), percent of a ratio with one decimal (0.0%),
 * coefficient with three decimals (0.000: 差异系数).
 */
export const NUMBER_KINDS = ['integer', 'serial', 'rate', 'percent', 'coefficient'] as const;
export type NumberKind = (typeof NUMBER_KINDS)[number];
export type ColumnKind = 'text' | NumberKind;

export interface Column {
  header: string;
  /** Columns with the same group next to each other share a merged header cell above them. */
  group?: string;
  kind: ColumnKind;
  /** Typical content width in Latin characters (a Chinese character counts 2); widths follow content otherwise. */
  width?: number;
  align?: 'left' | 'center' | 'right';
  /** The registry entry that explains the column's numbers; its text is printed in the notes (see explained.ts). */
  explain?: NumberKey;
}

/** A number that carries its own format, for columns whose rows differ (指标 with various units). */
export interface FormattedNumber {
  value: number;
  kind: NumberKind;
}

export type Cell = string | number | null | FormattedNumber;

/**
 * group: a heading row across the whole table (a township, a stage);
 * subtotal and total: summed rows, set apart in bold.
 */
export type RowKind = 'group' | 'data' | 'subtotal' | 'total';

export interface Row {
  kind: RowKind;
  cells: Cell[];
  /** The first cell spans this many columns (the label of a subtotal or total). Group rows span all. */
  labelSpan?: number;
}

export interface AnnexTable {
  columns: Column[];
  rows: Row[];
}

export interface ChartSeries {
  name: string;
  type: 'bar' | 'line';
  values: (number | null)[];
  /** Bars with the same stack are stacked. */
  stack?: string;
  /** A stage key or another name the renderer maps to a colour. */
  colorKey?: string;
  dashed?: boolean;
}

export interface ChartPanel {
  title?: string;
  categories: string[];
  series: ChartSeries[];
  /** Name of the value axis, with its unit. */
  yName: string;
}

export interface AnnexChart {
  panels: ChartPanel[];
  /** Panels per row when there are several (small multiples). */
  columns?: number;
}

export const ANNEX_KINDS = [
  'indicators',
  'forecast',
  'seat-balance',
  'projects',
  'adjustments',
  'schools',
  'students-chart',
  'demand-chart',
  'teachers',
  'layout-map',
  'planned-schools',
  'completed-projects',
] as const;
export type AnnexKind = (typeof ANNEX_KINDS)[number];

/** What a provider returns: everything but the number the planner gives the annex. */
interface AnnexContentBase {
  kind: AnnexKind;
  /** Full title, with the planner's prefix ("示例县现状学校一览表"). */
  title: string;
  /** Text after "单位："; null leaves it out. */
  unit: string | null;
  /** Text after "制表日期：". */
  date: string;
  paper: Paper;
  /** Lines under the table, printed after "注：". */
  notes: string[];
}

export interface TableAnnexContent extends AnnexContentBase {
  body: 'table';
  table: AnnexTable;
}

export interface FigureAnnexContent extends AnnexContentBase {
  body: 'figure';
  chart: AnnexChart;
  /** The chart's numbers: what XLSX and DOCX carry, since they cannot hold the drawing. */
  table: AnnexTable;
}

/** One map of a map annex (现状, 规划), drawn by shared/map. */
export interface MapPanel {
  title: string;
  drawing: MapDrawing;
  layers: MapLayer[];
}

export interface MapAnnexContent extends AnnexContentBase {
  body: 'map';
  maps: MapPanel[];
  /** The coverage table printed after the maps; what XLSX carries. */
  table: AnnexTable;
}

export type AnnexContent = TableAnnexContent | FigureAnnexContent | MapAnnexContent;

/** An annex placed in the document: 附件N. */
export type Annex = AnnexContent & { number: number; label: string };

/** What every provider needs besides its data. */
export interface AnnexContext {
  /** Put before every title: the county's name ("示例县"), or what the planner typed. */
  titlePrefix: string;
  /** 制表日期 as printed ("2025年11月25日"). */
  date: string;
  /** The planner's choice; each kind has its own default. */
  paper?: Paper;
  /** Print the projection's 80 % interval under each projected figure (annexes that have one). */
  intervals?: boolean;
}
