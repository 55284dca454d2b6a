// Result types of the 数据导入 API methods (inputs are zod schemas in shared/api/contract.ts).
import type { ImportIssue, Severity } from './issues';
import type { ImportKind } from './kinds';
import type { ColumnMapping, MappingFile } from './mapping';
import type { ImportCounts, PreviewTable } from './plan';
import type { TextEncoding } from './encoding';

export type ImportFileFormat = 'xlsx' | 'xlsb' | 'xls' | 'ods' | 'csv' | 'txt' | 'xml';

export interface ImportSheetInfo {
  name: string;
  hidden: boolean;
  rows: number;
  cols: number;
  cells: number;
}

export type ImportFileState = 'reading' | 'ready' | 'failed' | 'cancelled';

export interface ImportFileStatus {
  fileId: string;
  fileName: string;
  bytes: number;
  state: ImportFileState;
  /** What the reader is doing, and how far (null when it cannot tell). */
  phase: 'reading' | 'checking' | 'parsing' | 'extracting' | 'done';
  percent: number | null;
  format: ImportFileFormat | null;
  encoding: TextEncoding | null;
  sheets: ImportSheetInfo[];
  /** Why the file cannot be imported (state 'failed'). */
  error: ImportIssue | null;
}

export interface TargetOption {
  value: string;
  label: string;
  group: string;
}

export interface ImportAnalysis {
  fileId: string;
  sheet: string;
  kind: ImportKind;
  /** Excel row numbers (1-based) of the header; null when none was found. */
  header: { first: number; last: number } | null;
  /** A year named in the title rows above the header. */
  titleYear: number | null;
  columns: ColumnMapping[];
  targets: TargetOption[];
  issues: ImportIssue[];
  /** Saved template (or mapping file) the proposal came from. */
  mappingSource: string | null;
  signature: string;
  /** The sheet's first rows as text, for showing where the header was found. */
  rawRows: { row: number; cells: string[] }[];
}

export interface IssueGroup {
  code: string;
  severity: Severity;
  count: number;
  /** The first issue's message, as an example. */
  example: string;
}

export interface ImportCheck {
  counts: ImportCounts;
  /** The issues (at most a few thousand are sent; issueTotals counts them all). */
  issues: ImportIssue[];
  issueTotals: Record<Severity, number>;
  groups: IssueGroup[];
  preview: PreviewTable;
  summary: [string, string][];
  newTownships: { code: string; name: string }[];
  /** No errors (or, skipping invalid rows, no file-level errors) and something to write. */
  canCommit: boolean;
  /** Warnings that must be accepted before committing. */
  needsAcceptance: boolean;
}

/** The shape of `cli import --json`. */
export interface ImportResult {
  ok: boolean;
  importId: number | null;
  dryRun: boolean;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsRejected: number;
  issues: ImportIssue[];
  summary: [string, string][];
  /** Backup taken before writing (file name in the project's backup folder). */
  backup: string | null;
}

export interface ImportRecord {
  id: number;
  kind: ImportKind;
  kindLabel: string;
  fileName: string;
  sha256: string;
  sheet: string;
  year: number | null;
  rowsRead: number;
  rowsImported: number;
  rowsSkipped: number;
  rowsRejected: number;
  changes: number;
  summary: [string, string][];
  mapping: MappingFile | null;
  backupFile: string;
  importedAt: string;
  undoneAt: string | null;
  errors: number;
  warnings: number;
}

export interface MappingTemplate {
  name: string;
  kind: ImportKind;
  signature: string;
  columns: number;
  savedAt: string;
  mapping: MappingFile;
}

export interface UndoResult {
  importId: number;
  restored: number;
  backup: string;
}
