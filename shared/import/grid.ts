// A sheet as the import sees it: rows of plain cell values (row 0 is Excel row 1) and the
// merged ranges, both already bounded by the reader's limits.

export type GridCell = string | number | boolean | null;
export type Grid = readonly (readonly GridCell[] | undefined)[];

export interface CellRange {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface SheetGrid {
  name: string;
  rows: Grid;
  merges: readonly CellRange[];
}

export function cellAt(rows: Grid, r: number, c: number): GridCell {
  return rows[r]?.[c] ?? null;
}

export function isBlank(v: GridCell): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

export function rowWidth(rows: Grid): number {
  let w = 0;
  for (const row of rows) if (row && row.length > w) w = row.length;
  return w;
}
