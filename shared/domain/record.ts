// A stored record declared once: for each field its zod schema, the project file's column
// and, where people see it, its Chinese label and unit. The record's type, its zod schema,
// the database descriptor's columns and the export/template/import columns are all derived
// from that one table (see docs/ARCHITECTURE.md, "Records").
import { z } from 'zod';

export interface FieldDef<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** snake_case column in the project file. */
  column: string;
  /** Chinese name as tables, exports and import mappings print it. */
  label?: string;
  /** Unit printed after the label: 占地面积（㎡）. */
  unit?: string;
  /** Stored as JSON text (a list); a missing or malformed value reads as `[]`. */
  json?: true;
}

export type FieldTable = Readonly<Record<string, FieldDef>>;

type Shape<F extends FieldTable> = { -readonly [K in keyof F]: F[K]['schema'] };

/** The zod object of a field table (its z.infer is the record's type). */
export function recordSchema<F extends FieldTable>(fields: F): z.ZodObject<Shape<F>> {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) as Shape<F>;
  return z.object(shape);
}

/** A column the database descriptor reads: its name, or its name and that it holds JSON. */
export type ColumnOf = string | { column: string; json: true; fallback: unknown };

/** field → column, the form the database descriptor takes. */
export function columnsOf<F extends FieldTable>(fields: F): { [K in keyof F & string]: ColumnOf } {
  return Object.fromEntries(
    Object.entries(fields).map(([k, f]) => [k, f.json ? { column: f.column, json: true, fallback: [] } : f.column]),
  ) as { [K in keyof F & string]: ColumnOf };
}

/** 占地面积（㎡）: the label with its unit, as a column header. */
export function headerOf(f: FieldDef): string {
  return f.unit ? `${f.label ?? f.column}（${f.unit}）` : (f.label ?? f.column);
}
