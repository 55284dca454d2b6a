// Mapped columns grouped the way the row checks read them.
import type { Metric, Sex } from './grades';
import type { GridCell } from './grid';
import type { Unit } from './normalise';
import type { Target } from './targets';

export interface MappedColumn {
  index: number;
  letter: string;
  label: string;
  target: Target;
  unit: Unit | null;
}

/** How an issue names a column: its letter and header, as the planner sees them. */
export function columnName(c: { letter: string; label: string }): string {
  return c.label ? `${c.letter} 列（${c.label}）` : `${c.letter} 列`;
}

/** Classes and students columns of one grade, stage or row, split by sex where the file does. */
export interface MetricColumns {
  classes?: MappedColumn;
  students?: MappedColumn;
  M?: MappedColumn;
  F?: MappedColumn;
  ofF?: MappedColumn;
}

export function addMetricColumn(group: MetricColumns, metric: Metric, sex: Sex | null, col: MappedColumn): void {
  if (metric === 'classes') group.classes ??= col;
  else if (sex === null) group.students ??= col;
  else group[sex] ??= col;
}

export type RowCells = readonly GridCell[] | undefined;

export function cellOf(row: RowCells, col: MappedColumn | undefined): GridCell {
  return col ? (row?.[col.index] ?? null) : null;
}
