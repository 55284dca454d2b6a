// The column mapping: proposed from the headers, or taken from a saved template / mapping
// file (the same JSON the wizard saves and `cli import --mapping` reads).
import { z } from 'zod';
import { cellAt, isBlank, type SheetGrid } from './grid';
import type { HeaderBand, HeaderColumn } from './header';
import { IMPORT_KINDS, type ImportKind } from './kinds';
import { IMPORT_KIND_REGISTRY, kindField, parseTarget, recogniseColumn } from './kinds/registry';
import { normaliseHeader, shownValue, type Unit } from './normalise';
import type { RecogniseContext } from './recognise';
import type { Target } from './targets';
import { holdsYears } from './year-column';

export interface ColumnMapping {
  index: number;
  letter: string;
  label: string;
  parts: string[];
  target: string;
  confidence: number;
  why: string;
  unit: Unit | null;
  samples: string[];
}

/** The comparable form of a column's header, used to match saved mappings. */
export function headerKey(parts: readonly string[]): string {
  return parts.map((p) => normaliseHeader(p).compact).join('/');
}

export function headerSignature(columns: readonly { parts: readonly string[] }[]): string {
  return columns
    .filter((c) => c.parts.length > 0)
    .map((c) => headerKey(c.parts))
    .join('|');
}

/** Targets that several columns may share: added up (summable fields) or one per township. */
function mayRepeat(kind: ImportKind, target: string): boolean {
  if (target === 'ignore' || target.startsWith('place')) return true;
  return kindField(kind, target)?.summable === true;
}

function samples(sheet: SheetGrid, header: HeaderBand, c: number): string[] {
  const out: string[] = [];
  for (let r = header.last + 1; r < sheet.rows.length && r <= header.last + 60 && out.length < 3; r++) {
    const v = cellAt(sheet.rows, r, c);
    if (!isBlank(v)) out.push(shownValue(v));
  }
  return out;
}

function resolveConflicts(kind: ImportKind, columns: ColumnMapping[]): void {
  const byTarget = new Map<string, ColumnMapping[]>();
  for (const col of columns) {
    if (mayRepeat(kind, col.target)) continue;
    const list = byTarget.get(col.target) ?? [];
    list.push(col);
    byTarget.set(col.target, list);
  }
  for (const list of byTarget.values()) {
    if (list.length < 2) continue;
    const keep = list.reduce((a, b) => (b.confidence > a.confidence ? b : a));
    for (const col of list) {
      if (col === keep) continue;
      col.why = `与 ${keep.letter} 列（${keep.label}）对应同一项，已改为不导入；如需此列请手动调整`;
      col.target = 'ignore';
      col.confidence = 0;
    }
  }
}

export function proposeMapping(kind: ImportKind, sheet: SheetGrid, header: HeaderBand, ctx: RecogniseContext): ColumnMapping[] {
  const columns = header.columns.map((col: HeaderColumn): ColumnMapping => {
    const rec = recogniseColumn(kind, col.parts, ctx);
    const mapped = { ...col, target: rec.target, confidence: rec.confidence, why: rec.why, unit: rec.unit, samples: samples(sheet, header, col.index) };
    if (rec.target === 'year' && !holdsYears(sheet, header, col.index)) {
      return { ...mapped, target: 'ignore', confidence: 0, why: '列名像“年份”，但列中的值不是年份，不作为年份' };
    }
    return mapped;
  });
  IMPORT_KIND_REGISTRY[kind].refineMapping?.(columns);
  resolveConflicts(kind, columns);
  return columns;
}

const MAPPING_FORMAT = 'csp-import-mapping';

export const mappingFileSchema = z.strictObject({
  format: z.literal(MAPPING_FORMAT),
  version: z.literal(1),
  kind: z.enum(IMPORT_KINDS),
  name: z.string().max(60).optional(),
  /** Excel row numbers of the header (1-based), when it should not be detected. */
  header: z.strictObject({ first: z.number().int().min(1).max(1000), last: z.number().int().min(1).max(1000) }).optional(),
  columns: z
    .array(z.strictObject({ header: z.string().max(400), target: z.string().max(40) }))
    .max(2000),
});

export type MappingFile = z.infer<typeof mappingFileSchema>;

/** Checks a mapping's targets against its kind; returns the Chinese problems found. */
export function mappingProblems(file: MappingFile): string[] {
  const problems: string[] = [];
  for (const col of file.columns) {
    if (!parseTarget(file.kind, col.target)) problems.push(`列“${shownValue(col.header)}”的对应项“${shownValue(col.target)}”无法识别`);
  }
  return problems;
}

export function toMappingFile(kind: ImportKind, columns: readonly ColumnMapping[], name?: string, header?: { first: number; last: number }): MappingFile {
  return {
    format: MAPPING_FORMAT,
    version: 1,
    kind,
    ...(name ? { name } : {}),
    ...(header ? { header } : {}),
    columns: columns.filter((c) => c.parts.length > 0).map((c) => ({ header: c.label, target: c.target })),
  };
}

/**
 * Applies a saved mapping to proposed columns: a column whose header matches a saved one
 * takes its target; other columns keep their proposal. Returns how many matched.
 */
export function applyMapping(columns: ColumnMapping[], file: MappingFile, source: string): number {
  const saved = new Map<string, string>();
  for (const c of file.columns) saved.set(headerKey(c.header.split(' / ')), c.target);
  let matched = 0;
  for (const col of columns) {
    const target = saved.get(headerKey(col.parts));
    if (target === undefined) continue;
    col.target = target;
    col.confidence = 1;
    col.why = `按${source}`;
    matched++;
  }
  return matched;
}

/** The parsed targets of a mapping, by column index; invalid targets are reported. */
export function parsedTargets(kind: ImportKind, columns: readonly { index: number; target: string }[]): Map<number, Target> {
  const out = new Map<number, Target>();
  for (const c of columns) {
    const t = parseTarget(kind, c.target);
    if (t && t.type !== 'ignore') out.set(c.index, t);
  }
  return out;
}

