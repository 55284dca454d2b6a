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
}

export type FieldTable = Readonly<Record<string, FieldDef>>;

type Shape<F extends FieldTable> = { -readonly [K in keyof F]: F[K]['schema'] };

/** The zod object of a field table (its z.infer is the record's type). */
export function recordSchema<F extends FieldTable>(fields: F): z.ZodObject<Shape<F>> {
  const shape = Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.schema])) as Shape<F>;
  return z.object(shape);
}

/** field → column, the form the database descriptor takes. */
export function columnsOf<F extends FieldTable>(fields: F): { [K in keyof F & string]: string } {
  return Object.fromEntries(Object.entries(fields).map(([k, f]) => [k, f.column])) as { [K in keyof F & string]: string };
}

/** 占地面积（㎡）: the label with its unit, as a column header. */
export function headerOf(f: FieldDef): string {
  return f.unit ? `${f.label ?? f.column}（${f.unit}）` : (f.label ?? f.column);
}
