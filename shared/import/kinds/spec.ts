// What one kind of import is: everything the wizard, the CLI, the checks and the blank
// template need to know about it, in one object per kind (see registry.ts). Adding a kind is
// one module that builds an ImportKindSpec plus its line in the registry.
import type { SchoolSystem } from '../../domain/stages';
import type { DataTable } from '../../templates/layouts';
import type { FieldSpec } from '../fields';
import type { SheetGrid } from '../grid';
import type { ColumnMapping } from '../mapping';
import type { ImportPlan, ValidateContext } from '../plan';
import type { PlaceColumn } from '../plan-population';
import type { Recognised, RecogniseContext } from '../recognise';
import type { Target } from '../targets';

export interface ImportKindSpec {
  /** Full Chinese name, as import records, messages and the CLI help show it. */
  label: string;
  /** Short name for the wizard's choice, the history table and the template's file name. */
  shortLabel: string;
  /** One sentence on what the file holds, under the wizard's choice. */
  description: string;
  /** Named fields a column can be mapped to, with the header words that name them. */
  fields: readonly FieldSpec[];
  /** One column's header cells (top to bottom, none blank) → its most likely target. */
  recognise(parts: readonly string[], ctx: RecogniseContext): Recognised;
  /** Targets beyond the named fields ('students:primary:1', 'age:5:M'); null when not one of them. */
  parseTarget?(head: string, rest: readonly string[]): Target | null;
  /** Those targets as the mapping editor offers them, by group. */
  targetChoices?(system: SchoolSystem): { target: Target; group: string }[];
  /** Whole-year numbers in the header row name columns (2019 | 2020 …) rather than being data. */
  yearHeaders?: boolean;
  /** Rows add facts to schools the project already holds (found by code or name, never created). */
  namesStoredSchools?: true;
  /** Second look at the proposed mapping, once every column has been recognised alone. */
  refineMapping?(columns: ColumnMapping[]): void;
  /** The checked rows below the header, as a plan the backend commits. */
  plan(sheet: SheetGrid, firstDataRow: number, columns: readonly PlaceColumn[], ctx: ValidateContext, headerRow: number): ImportPlan;
  /** The blank template (.xlsx): a header row and an example row that the import skips. */
  template(system: SchoolSystem): DataTable;
}
