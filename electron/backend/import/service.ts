// 数据导入 behind the API: the wizard's steps (upload/open → status → analyse → check →
// commit), the headless run of `cli import`, import records, undo and saved mappings.
// Files are parsed in a worker; the checks are the pure functions of shared/import; the
// database is written only in commit, after a backup, in one transaction.
import type { CoordinateOption } from '../../../shared/geo/coords';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/api';
import {
  analyseSheet,
  countBySeverity,
  emptyPlan,
  headerSignature,
  IMPORT_KIND_REGISTRY,
  importTemplate,
  mappingFileSchema,
  mappingProblems,
  planImport,
  storedKindLabel,
  targetOptions,
  toMappingFile,
  TownshipIndex,
  type ColumnMapping,
  type ImportAnalysis,
  type ImportCheck,
  type ImportFileStatus,
  type ImportIssue,
  type ImportKind,
  type ImportPlan,
  type ImportRecord,
  type ImportResult,
  type MappingFile,
  type MappingTemplate,
  type SavedTemplate,
  type SheetGrid,
  type UndoResult,
  type ValidateContext,
} from '../../../shared/import';
import { createBackup, withBackup } from '../db/backups';
import {
  commitPlan,
  deleteTemplate,
  importIssues,
  listImportRecords,
  listTemplates,
  saveTemplate,
  undoImportRows,
  type ImportRecordRow,
} from '../db/imports';
import { readMeta } from '../db/meta';
import type { ProjectFile } from '../db/project-file';
import { allTownships } from '../db/queries';
import { AppError } from '../errors';
import { toXlsxBytes } from '../io/table-writer';
import type { Session } from '../session';
import { fileIssue, ImportFileError } from './file-error';
import { IMPORT_KIND_WRITERS } from './kind-writers';
import { OpenFiles, type OpenFile } from './open-files';
import { startParse } from './run-parser';
import { readSourcePath, Uploads, type SourceFile } from './source-file';
import type { ParsedSheet, ParsedWorkbook } from './workbook';

/** Issues sent to the wizard at once; the counts cover them all. */
const ISSUES_SENT = 3000;
const RAW_ROWS = 12;
const RAW_COLS = 40;

function grid(sheet: ParsedSheet): SheetGrid {
  return { name: sheet.name, rows: sheet.rows, merges: sheet.merges };
}

function rawRows(sheet: ParsedSheet, header: { first: number; last: number } | null): ImportAnalysis['rawRows'] {
  const start = Math.max(0, (header?.first ?? 0) - 3);
  const out: ImportAnalysis['rawRows'] = [];
  for (let r = start; r < Math.min(sheet.rows.length, start + RAW_ROWS); r++) {
    const row = sheet.rows[r] ?? [];
    out.push({ row: r + 1, cells: Array.from({ length: Math.min(RAW_COLS, sheet.usedCols) }, (_, c) => String(row[c] ?? '').slice(0, 40)) });
  }
  return out;
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

function sortIssues(issues: readonly ImportIssue[]): ImportIssue[] {
  return [...issues].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.row ?? 0) - (b.row ?? 0));
}

function groupsOf(issues: readonly ImportIssue[]): ImportCheck['groups'] {
  const map = new Map<string, ImportCheck['groups'][number]>();
  for (const i of issues) {
    const key = `${i.severity}|${i.code}`;
    const g = map.get(key);
    if (g) g.count++;
    else map.set(key, { code: i.code, severity: i.severity, count: 1, example: i.message });
  }
  return [...map.values()].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count);
}

/** Errors that stop the commit: any, or (skipping invalid rows) those about the file or mapping. */
function blockingErrors(plan: ImportPlan, skipInvalidRows: boolean): number {
  return plan.issues.filter((i) => i.severity === 'error' && (!skipInvalidRows || i.row === null)).length;
}

function toRecord(r: ImportRecordRow): ImportRecord {
  const mapping = mappingFileSchema.safeParse(safeJson(r.mapping));
  const summary = safeJson(r.summary);
  return {
    id: r.id, kind: r.kind, kindLabel: storedKindLabel(r.kind), fileName: r.fileName, sha256: r.sha256, sheet: r.sheet, year: r.year,
    rowsRead: r.rowsRead, rowsImported: r.rowsImported, rowsSkipped: r.rowsSkipped, rowsRejected: r.rowsRejected, changes: r.changes,
    summary: Array.isArray(summary) ? (summary as [string, string][]) : [],
    mapping: mapping.success ? mapping.data : null,
    backupFile: r.backupFile, importedAt: r.importedAt, undoneAt: r.undoneAt, errors: r.errors, warnings: r.warnings,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

interface PlanInput {
  sheet: ParsedSheet;
  fileName: string;
  kind: ImportKind;
  year?: number | undefined;
  headerRows?: { first: number; last: number } | undefined;
  columns?: readonly { index: number; target: string }[] | undefined;
  mapping?: MappingFile | undefined;
  createTownships?: boolean | undefined;
  skipInvalidRows?: boolean | undefined;
  coordinates?: CoordinateOption | undefined;
}

/** Milliseconds a headless import spent in each stage (the bench prints them). */
export type ImportStages = Partial<Record<'read' | 'parse' | 'plan' | 'backup' | 'commit', number>>;

function timed<T>(stages: ImportStages, stage: keyof ImportStages, fn: () => T): T {
  const t0 = performance.now();
  const add = () => {
    stages[stage] = (stages[stage] ?? 0) + performance.now() - t0;
  };
  const out = fn();
  if (out instanceof Promise) return out.finally(add) as T;
  add();
  return out;
}

interface Planned {
  plan: ImportPlan;
  columns: ColumnMapping[];
  header: { first: number; last: number } | null;
}

export class ImportService {
  private readonly uploads = new Uploads();
  private readonly files = new OpenFiles();

  constructor(private readonly session: Session) {}

  close(): void {
    this.files.close();
  }

  upload(input: ParsedInput<'import.upload'>) {
    try {
      return this.uploads.append(input);
    } catch (err) {
      if (err instanceof ImportFileError) throw new AppError('INVALID_INPUT', err.message);
      throw err;
    }
  }

  /** A finished upload for another reader (the boundary import), taken out of the store. */
  takeUpload(uploadId: string): SourceFile {
    try {
      return this.uploads.take(uploadId);
    } catch (err) {
      if (err instanceof ImportFileError) throw new AppError('INVALID_INPUT', err.message);
      throw err;
    }
  }

  async open(input: ParsedInput<'import.open'>): Promise<ImportFileStatus> {
    const encoding = input.encoding ?? 'auto';
    let file: OpenFile;
    try {
      const source = 'path' in input.source ? await readSourcePath(input.source.path) : this.uploads.take(input.source.uploadId);
      file = this.files.open(source, encoding);
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      const name = 'path' in input.source ? path.basename(input.source.path) : '上传的文件';
      file = this.files.failed(name, err);
    }
    return this.files.status(file);
  }

  status(fileId: string): ImportFileStatus {
    return this.files.status(this.file(fileId));
  }

  cancel(fileId: string): { cancelled: boolean } {
    return { cancelled: this.files.cancel(fileId) };
  }

  private file(fileId: string): OpenFile {
    const f = this.files.get(fileId);
    if (!f) throw new AppError('NOT_FOUND', '找不到已打开的导入文件（可能已被新打开的文件替换），请重新选择文件。');
    return f;
  }

  private sheetOf(fileId: string, name: string): { file: OpenFile; sheet: ParsedSheet } {
    const file = this.file(fileId);
    if (file.state !== 'ready' || !file.workbook) {
      throw new AppError('INVALID_INPUT', file.state === 'reading' ? '文件还在读取中，请稍候。' : (file.error?.message ?? '文件没有读取成功。'));
    }
    const sheet = file.workbook.sheets.find((s) => s.name === name);
    if (!sheet) throw new AppError('NOT_FOUND', `文件中没有名为“${name}”的工作表。`);
    return { file, sheet };
  }

  private get project(): ProjectFile {
    return this.session.project;
  }

  private templates(): SavedTemplate[] {
    const out: SavedTemplate[] = [];
    for (const t of listTemplates(this.project.db)) {
      const m = mappingFileSchema.safeParse(safeJson(t.mapping));
      if (m.success) out.push({ name: t.name, signature: t.signature, mapping: m.data });
    }
    return out;
  }

  private recogniseContext() {
    const db = this.project.db;
    return { system: readMeta(db).schoolSystem, townships: new TownshipIndex(allTownships(db)) };
  }

  analyse(input: ParsedInput<'import.analyse'>): ImportAnalysis {
    const { file, sheet } = this.sheetOf(input.fileId, input.sheet);
    const ctx = this.recogniseContext();
    const headerRows = input.headerRows ? { first: input.headerRows.first - 1, last: input.headerRows.last - 1 } : undefined;
    const a = analyseSheet(input.kind, grid(sheet), ctx, { headerRows, templates: this.templates() });
    const header = a.header ? { first: a.header.first + 1, last: a.header.last + 1 } : null;
    return {
      fileId: file.id,
      sheet: sheet.name,
      kind: input.kind,
      header,
      titleYear: a.header?.titleYear ?? null,
      columns: a.columns,
      targets: targetOptions(input.kind, ctx.system, a.columns.map((c) => c.target)),
      issues: a.issues,
      mappingSource: a.mappingSource,
      signature: a.signature,
      rawRows: rawRows(sheet, a.header),
    };
  }

  private validateContext(p: PlanInput): ValidateContext {
    const db = this.project.db;
    const meta = readMeta(db);
    return {
      sheet: p.sheet.name,
      fileName: p.fileName,
      system: meta.schoolSystem,
      countyCode: meta.code,
      year: p.year ?? null,
      townships: allTownships(db),
      ...IMPORT_KIND_WRITERS[p.kind].stored(db),
      createTownships: p.createTownships ?? false,
      countySeat: meta.countySeat ?? null,
      skipInvalidRows: p.skipInvalidRows ?? false,
      ...(p.coordinates ? { coordinates: p.coordinates } : {}),
    };
  }

  private plan(p: PlanInput): Planned {
    const ctx = this.recogniseContext();
    const headerRows = p.headerRows ? { first: p.headerRows.first - 1, last: p.headerRows.last - 1 } : undefined;
    const a = analyseSheet(p.kind, grid(p.sheet), ctx, { headerRows, templates: p.mapping ? [] : this.templates(), mapping: p.mapping });
    const header = a.header ? { first: a.header.first + 1, last: a.header.last + 1 } : null;
    if (!a.header) {
      const plan = emptyPlan(p.kind);
      plan.issues = a.issues;
      plan.counts.rowsRead = p.sheet.rows.filter((r) => r && r.length > 0).length;
      return { plan, columns: [], header };
    }
    const columns = a.columns.map((c) => ({ ...c }));
    if (p.columns) {
      const chosen = new Map(p.columns.map((c) => [c.index, c.target]));
      for (const c of columns) c.target = chosen.get(c.index) ?? 'ignore';
    }
    const plan = planImport(p.kind, grid(p.sheet), a, columns, this.validateContext(p));
    const sheetIssues = a.issues.filter((i) => i.code !== 'NOTHING_MAPPED');
    plan.issues = [...sheetIssues, ...plan.issues];
    return { plan, columns, header };
  }

  check(input: ParsedInput<'import.check'>): ImportCheck {
    const { file, sheet } = this.sheetOf(input.fileId, input.sheet);
    const { plan } = this.plan({ ...input, sheet, fileName: file.fileName });
    return this.checkOf(plan, input.skipInvalidRows ?? false);
  }

  private checkOf(plan: ImportPlan, skipInvalidRows: boolean): ImportCheck {
    const totals = countBySeverity(plan.issues);
    return {
      counts: plan.counts,
      issues: sortIssues(plan.issues).slice(0, ISSUES_SENT),
      issueTotals: totals,
      groups: groupsOf(plan.issues),
      preview: plan.preview,
      summary: plan.summary,
      newTownships: plan.newTownships.map((t) => ({ code: t.code, name: t.name })),
      canCommit: blockingErrors(plan, skipInvalidRows) === 0 && plan.counts.rowsImported > 0,
      needsAcceptance: totals.warning > 0,
    };
  }

  async commit(input: ParsedInput<'import.commit'>): Promise<ImportResult> {
    const { file, sheet } = this.sheetOf(input.fileId, input.sheet);
    const planned = this.plan({ ...input, sheet, fileName: file.fileName });
    return this.write(planned, { fileName: file.fileName, sha256: file.sha256, sheet: sheet.name, kind: input.kind, year: input.year }, {
      dryRun: false,
      acceptWarnings: input.acceptWarnings ?? false,
      skipInvalidRows: input.skipInvalidRows ?? false,
      mappingName: input.mappingName,
    });
  }

  private async write(
    planned: Planned,
    source: { fileName: string; sha256: string; sheet: string; kind: ImportKind; year?: number | undefined },
    opts: { dryRun: boolean; acceptWarnings: boolean; skipInvalidRows: boolean; mappingName?: string | undefined },
    stages: ImportStages = {},
  ): Promise<ImportResult> {
    const { plan } = planned;
    const result = (ok: boolean, importId: number | null, backup: string | null, extra: ImportIssue[] = []): ImportResult => ({
      ok,
      importId,
      dryRun: opts.dryRun,
      rowsRead: plan.counts.rowsRead,
      rowsImported: ok ? plan.counts.rowsImported : 0,
      rowsSkipped: plan.counts.rowsSkipped,
      rowsRejected: plan.counts.rowsRejected,
      issues: [...extra, ...sortIssues(plan.issues)],
      summary: plan.summary,
      backup,
    });
    if (blockingErrors(plan, opts.skipInvalidRows) > 0) return result(false, null, null);
    if (plan.counts.rowsImported === 0) {
      return result(false, null, null, [fileIssue('NO_DATA', '没有可导入的数据行（表头下面是空的，或所有行都是合计、说明或示例行）。请检查所选的工作表和表头行。', source.sheet)]);
    }
    const warnings = plan.issues.filter((i) => i.severity === 'warning').length;
    if (warnings > 0 && !opts.acceptWarnings && !opts.dryRun) {
      return result(false, null, null, [
        fileIssue('WARNINGS_NOT_ACCEPTED', `有 ${warnings} 条警告尚未确认，未导入。请逐条核对；确认无误后在向导中勾选“接受警告”，或在命令行加 --accept-warnings。`, source.sheet),
      ]);
    }
    if (opts.dryRun) return { ...result(true, null, null), rowsImported: plan.counts.rowsImported };
    const project = this.project;
    const mapping = toMappingFile(source.kind, planned.columns, opts.mappingName, planned.header ?? undefined);
    const backup = await timed(stages, 'backup', () => createBackup(project.db, project.path, `导入前-${IMPORT_KIND_WRITERS[source.kind].backupLabel}`));
    const { importId } = timed(stages, 'commit', () => commitPlan(
      project.db,
      {
        kind: source.kind, fileName: source.fileName, sha256: source.sha256, sheet: source.sheet, mapping: JSON.stringify(mapping),
        year: source.year ?? null, counts: plan.counts, summary: plan.summary, backupFile: backup.file,
      },
      plan,
    ));
    return result(true, importId, backup.file);
  }

  /** The headless import: one call from file to database (or to a dry-run report). */
  async run(input: ParsedInput<'import.run'>, stages: ImportStages = {}): Promise<ImportResult> {
    const failed = (issue: ImportIssue): ImportResult => ({
      ok: false, importId: null, dryRun: input.dryRun ?? false, rowsRead: 0, rowsImported: 0, rowsSkipped: 0, rowsRejected: 0,
      issues: [issue], summary: [], backup: null,
    });
    if (input.mapping) {
      const problems = mappingProblems(input.mapping);
      if (input.mapping.kind !== input.kind) problems.unshift(`映射文件是“${IMPORT_KIND_REGISTRY[input.mapping.kind].label}”的，与要导入的“${IMPORT_KIND_REGISTRY[input.kind].label}”不符`);
      if (problems.length) return failed(fileIssue('BAD_MAPPING', `映射文件有误：${problems.slice(0, 5).join('；')}。`));
    }
    let workbook: ParsedWorkbook;
    let source: { fileName: string; sha256: string };
    try {
      const file = await timed(stages, 'read', () => readSourcePath(input.path));
      source = { fileName: file.fileName, sha256: file.sha256 };
      workbook = await timed(stages, 'parse', () => startParse({ bytes: file.bytes, fileName: file.fileName, encoding: input.encoding ?? 'auto' }, () => undefined).done);
    } catch (err) {
      if (err instanceof ImportFileError) return failed(fileIssue(err.code, err.message));
      throw err;
    }
    const sheet = timed(stages, 'plan', () => this.pickSheet(workbook, input.kind, input.sheet));
    if (!sheet) {
      return failed(fileIssue('NO_SUCH_SHEET', `文件中没有名为“${input.sheet}”的工作表。现有工作表：${workbook.sheets.map((s) => s.name).join('、')}。`));
    }
    const planned = timed(stages, 'plan', () => this.plan({ sheet, fileName: source.fileName, kind: input.kind, year: input.year, mapping: input.mapping, createTownships: input.createTownships, skipInvalidRows: input.skipInvalidRows, coordinates: input.coordinates }));
    return this.write(planned, { ...source, sheet: sheet.name, kind: input.kind, year: input.year }, {
      dryRun: input.dryRun ?? false,
      acceptWarnings: input.acceptWarnings ?? false,
      skipInvalidRows: input.skipInvalidRows ?? false,
      mappingName: input.mapping?.name,
    }, stages);
  }

  /** The named sheet; else the first (visible first) whose header is found. */
  private pickSheet(wb: ParsedWorkbook, kind: ImportKind, name: string | undefined): ParsedSheet | null {
    if (name) return wb.sheets.find((s) => s.name === name) ?? null;
    const ctx = this.recogniseContext();
    const ordered = [...wb.sheets.filter((s) => !s.hidden), ...wb.sheets.filter((s) => s.hidden)];
    return ordered.find((s) => analyseSheet(kind, grid(s), ctx).header !== null) ?? ordered[0] ?? null;
  }

  list(): ImportRecord[] {
    return listImportRecords(this.project.db).map(toRecord);
  }

  issues(importId: number): ImportIssue[] {
    return importIssues(this.project.db, importId);
  }

  async undo(importId: number): Promise<UndoResult> {
    const project = this.project;
    return withBackup(project.db, project.path, `撤销导入${importId}前`, (backup) => {
      const { restored } = undoImportRows(project.db, importId);
      return { importId, restored, backup: backup.file };
    });
  }

  templatesOf(kind: ImportKind | undefined): MappingTemplate[] {
    return listTemplates(this.project.db)
      .filter((t) => !kind || t.kind === kind)
      .flatMap((t) => {
        const m = mappingFileSchema.safeParse(safeJson(t.mapping));
        return m.success ? [{ name: t.name, kind: t.kind, signature: t.signature, columns: m.data.columns.length, savedAt: t.savedAt, mapping: m.data }] : [];
      });
  }

  saveTemplate(input: ParsedInput<'import.saveTemplate'>): MappingTemplate {
    const problems = mappingProblems(input.mapping);
    if (problems.length) throw new AppError('INVALID_INPUT', `映射有误：${problems.slice(0, 5).join('；')}`);
    const mapping: MappingFile = { ...input.mapping, name: input.name };
    const signature = headerSignature(mapping.columns.map((c) => ({ parts: c.header.split(' / ') })));
    const row = saveTemplate(this.project.db, { name: input.name, kind: mapping.kind, signature, mapping: JSON.stringify(mapping) });
    return { name: row.name, kind: row.kind, signature, columns: mapping.columns.length, savedAt: row.savedAt, mapping };
  }

  deleteTemplate(name: string): { deleted: boolean } {
    return { deleted: deleteTemplate(this.project.db, name) };
  }

  blankTemplate(kind: ImportKind): { fileName: string; base64: string } {
    const table = importTemplate(kind, readMeta(this.project.db).schoolSystem);
    return { fileName: `${IMPORT_KIND_REGISTRY[kind].shortLabel}导入模板.xlsx`, base64: toXlsxBytes(table).toString('base64') };
  }
}
