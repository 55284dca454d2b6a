// Every kind of import, by name: the one table the wizard, the CLI, the template download and
// the analyse/plan pipeline read. A kind missing here (or here but not in IMPORT_KINDS) does
// not compile. How to add one: docs/ARCHITECTURE.md, "How to add …".
import type { SchoolSystem } from '../../domain/stages';
import type { DataTable } from '../../templates/layouts';
import type { FieldSpec } from '../fields';
import { isImportKind, type ImportKind } from '../kinds';
import { IGNORE, type Recognised, type RecogniseContext } from '../recognise';
import { describeTarget, type Target } from '../targets';
import { BIRTHS_KIND } from './births';
import { POPULATION_KIND } from './population';
import { MIGRANTS_KIND } from './migrants';
import { SCHOOL_GROUPS_KIND } from './school-groups';
import { SCHOOLS_KIND } from './schools';
import { TEACHERS_KIND } from './teachers';
import { SPECIAL_NEEDS_KIND } from './special-needs';
import { VILLAGES_KIND } from './villages';
import type { ImportKindSpec } from './spec';

export const IMPORT_KIND_REGISTRY: Readonly<Record<ImportKind, ImportKindSpec>> = {
  schools: SCHOOLS_KIND,
  population: POPULATION_KIND,
  births: BIRTHS_KIND,
  teachers: TEACHERS_KIND,
  special_needs: SPECIAL_NEEDS_KIND,
  migrants: MIGRANTS_KIND,
  school_groups: SCHOOL_GROUPS_KIND,
  villages: VILLAGES_KIND,
};

/**
 * A stored import's kind in Chinese. The database does not restrict the kind (the registry
 * does), so a file written by a later version may hold one this version does not know: it
 * is shown as stored.
 */
export function storedKindLabel(kind: string, form: 'label' | 'shortLabel' = 'label'): string {
  return isImportKind(kind) ? IMPORT_KIND_REGISTRY[kind][form] : kind;
}

export function kindField(kind: ImportKind, field: string): FieldSpec | undefined {
  return IMPORT_KIND_REGISTRY[kind].fields.find((f) => f.field === field);
}

/** `parts` are the header cells of one column, top to bottom (two-row headers give two). */
export function recogniseColumn(kind: ImportKind, parts: readonly string[], ctx: RecogniseContext): Recognised {
  const useful = parts.filter((p) => p.trim() !== '');
  if (useful.length === 0) return { ...IGNORE, why: '没有列名' };
  return IMPORT_KIND_REGISTRY[kind].recognise(useful, ctx);
}

/** Parses a target string; null when it is not one of this kind's (a hand-edited mapping file). */
export function parseTarget(kind: ImportKind, key: string): Target | null {
  if (key.length > 40) return null;
  if (key === 'ignore') return { type: 'ignore' };
  const [head = '', ...rest] = key.split(':');
  // A bare name is a field first: population's 'age' is the column of ages, 'age:5' a column of 5-year-olds.
  if (rest.length === 0 && kindField(kind, head)) return { type: 'field', field: head };
  return IMPORT_KIND_REGISTRY[kind].parseTarget?.(head, rest) ?? null;
}

/** The Chinese name of a target, as the mapping table shows it. */
export function targetLabel(kind: ImportKind, t: Target): string {
  return describeTarget(t, (field) => kindField(kind, field)?.label);
}

export function importTemplate(kind: ImportKind, system: SchoolSystem): DataTable {
  return IMPORT_KIND_REGISTRY[kind].template(system);
}
