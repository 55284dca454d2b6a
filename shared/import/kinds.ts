// The names of the kinds of data a planner imports; what each one is lives in
// kinds/registry.ts, which must list exactly these.
export const IMPORT_KINDS = ['schools', 'population', 'births', 'teachers', 'special_needs', 'migrants', 'school_groups', 'villages'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}
