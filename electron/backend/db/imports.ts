// SQL of 数据导入: writing a checked plan in one transaction with its journal, undoing an
// import, import records and issues, saved mappings, and the reads the checks need.
import type Database from 'better-sqlite3';
import type { EnrolmentRecord } from '../../../shared/domain';
import type { ImportCounts, ImportIssue, ImportKind, ImportPlan, ImportRecord } from '../../../shared/import';
import { AppError } from '../errors';
import { enrolmentTable, villageRow } from './county-tables';
import { journalOf, laterImportsOf, References, RowStore, stillAsWritten, TABLES, Journal, type SqlValue } from './import-journal';
import { readAll } from './table';

/** What an import stores about itself (the rest of its row is counted or stamped by the database). */
export interface ImportRecordInput extends Pick<ImportRecordRow, 'kind' | 'fileName' | 'sha256' | 'sheet' | 'mapping' | 'year' | 'backupFile'> {
  counts: ImportCounts;
  summary: [string, string][];
}

/** An import as stored: the API's record with its summary and mapping still as JSON text. */
export type ImportRecordRow = Omit<ImportRecord, 'kindLabel' | 'summary' | 'mapping'> & { summary: string; mapping: string };

const RECORD_COLUMNS = `id, kind, file_name AS fileName, sha256, sheet, mapping, year, rows_read AS rowsRead,
  rows_imported AS rowsImported, rows_skipped AS rowsSkipped, rows_rejected AS rowsRejected, changes, summary,
  backup_file AS backupFile, imported_at AS importedAt, undone_at AS undoneAt,
  (SELECT count(*) FROM import_issues WHERE import_id = imports.id AND severity = 'error') AS errors,
  (SELECT count(*) FROM import_issues WHERE import_id = imports.id AND severity = 'warning') AS warnings`;

export function listImportRecords(db: Database.Database): ImportRecordRow[] {
  // Edits share the table and the journal (db/edits.ts) but have their own history.
  return db.prepare(`SELECT ${RECORD_COLUMNS} FROM imports WHERE kind NOT LIKE 'edit.%' ORDER BY id DESC`).all() as ImportRecordRow[];
}

export function importRecord(db: Database.Database, id: number): ImportRecordRow | null {
  return (db.prepare(`SELECT ${RECORD_COLUMNS} FROM imports WHERE id = ?`).get(id) as ImportRecordRow | undefined) ?? null;
}

export function importIssues(db: Database.Database, id: number): ImportIssue[] {
  return db
    .prepare('SELECT severity, sheet, row, col AS column, value, code, message FROM import_issues WHERE import_id = ? ORDER BY rowid')
    .all(id) as ImportIssue[];
}

/** Writes the plan and its record in one transaction; returns the import's id. */
const PRELOAD_FROM = 500;

/** Stored enrolment of these years by `school|year`, in one read. */
function enrolmentOfYears(db: Database.Database, years: ReadonlySet<number>): Map<string, EnrolmentRecord[]> {
  const out = new Map<string, EnrolmentRecord[]>();
  for (const year of years) {
    for (const r of readAll(db, enrolmentTable, 'WHERE year = @year', { year })) {
      const key = `${r.school}|${r.year}`;
      const list = out.get(key);
      if (list) list.push(r);
      else out.set(key, [r]);
    }
  }
  return out;
}

export function commitPlan(db: Database.Database, rec: ImportRecordInput, plan: ImportPlan): { importId: number; changes: number } {
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO imports (kind, file_name, sha256, sheet, mapping, year, rows_read, rows_imported, rows_skipped,
          rows_rejected, summary, backup_file, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        rec.kind, rec.fileName, rec.sha256, rec.sheet, rec.mapping, rec.year, rec.counts.rowsRead, rec.counts.rowsImported,
        rec.counts.rowsSkipped, rec.counts.rowsRejected, JSON.stringify(rec.summary), rec.backupFile, new Date().toISOString(),
      );
    const importId = Number(info.lastInsertRowid);
    const store = new RowStore(db);
    const journal = new Journal(store, importId);
    // A province-sized file: one read of each table instead of a lookup per row.
    if (plan.schools.length > PRELOAD_FROM) for (const t of ['schools', 'staff', 'school_totals'] as const) store.preload(t);
    for (const t of plan.newTownships) journal.put('townships', t);
    for (const s of plan.schools) journal.put('schools', s.record);
    const storedEnrolment = enrolmentOfYears(db, new Set(plan.enrolment.map((rep) => rep.year)));
    for (const rep of plan.enrolment) {
      const stored = new Map((storedEnrolment.get(`${rep.school}|${rep.year}`) ?? []).map((r) => [`${r.stage}|${r.grade}`, r]));
      const kept = new Set(rep.records.map((r) => `${r.stage}|${r.grade}`));
      // Grades of the covered stages that the file no longer has are removed: the file is
      // the whole truth for that school, year and stage.
      for (const [k, r] of stored) if (rep.stages.includes(r.stage) && !kept.has(k)) journal.remove('enrolment', r);
      for (const r of rep.records) journal.put('enrolment', r, stored.get(`${r.stage}|${r.grade}`) ?? null);
    }
    for (const s of plan.staff) journal.put('staff', s);
    for (const t of plan.totals) journal.put('school_totals', t);
    for (const p of plan.population) journal.put('population', p);
    for (const b of plan.births) journal.put('births', b);
    for (const b of plan.countyBirths) journal.put('county_births', b);
    for (const p of plan.staffProfile) journal.put('staff_profile', p);
    for (const r of plan.specialNeeds) journal.put('special_needs', r);
    for (const r of plan.migrants) journal.put('migrant_pupils', r);
    for (const g of plan.groups) journal.put('school_groups', g);
    for (const v of plan.villages) journal.put('geo_villages', villageRow(v));
    const issue = db.prepare('INSERT INTO import_issues (import_id, severity, sheet, row, col, value, code, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (const i of plan.issues) issue.run(importId, i.severity, i.sheet, i.row, i.column, i.value, i.code, i.message);
    journal.flush();
    db.prepare('UPDATE imports SET changes = ? WHERE id = ?').run(journal.changes, importId);
    return { importId, changes: journal.changes };
  })();
}

const TABLE_LABEL: Record<string, string> = {
  townships: '乡镇', schools: '学校', enrolment: '在校生', staff: '教职工', population: '人口', births: '出生人口',
  school_totals: '学校合计', county_births: '全县出生人口', staff_profile: '教职工结构',
  special_needs: '残疾学生与资源教室', migrant_pupils: '随迁子女',
  school_groups: '学校集团（共同体、学区）',
  geo_villages: '村（社区）',
  geo_townships: '乡镇边界',
};

/**
 * Restores every row the import changed to its value before the import, in one
 * transaction; refused (nothing changed) when a row has been changed again since, or when
 * a row the import created is now referenced by data added later.
 */
export function undoImportRows(db: Database.Database, id: number, subject?: string): { restored: number } {
  const rec = importRecord(db, id);
  if (!rec) throw new AppError('NOT_FOUND', `找不到第 ${id} 次导入的记录。`);
  // Edits are undone here too (db/edits.ts) and name themselves.
  const what = subject ?? `第 ${id} 次导入（${rec.fileName}）`;
  if (rec.undoneAt) throw new AppError('CONFLICT', `${what}已于 ${rec.undoneAt.slice(0, 19).replace('T', ' ')} 撤销过。`);
  const entries = journalOf(db, id);
  const store = new RowStore(db);
  return db.transaction(() => {
    const lastByKey = new Map<string, (typeof entries)[number]>();
    for (const e of entries) lastByKey.set(`${e.tbl}|${e.key}`, e);
    const changed: (typeof entries)[number][] = [];
    for (const e of lastByKey.values()) {
      if (!stillAsWritten(store.read(e.tbl, JSON.parse(e.key) as SqlValue[]), e.after)) changed.push(e);
    }
    if (changed.length > 0) {
      const later = laterImportsOf(db, id, new Set(changed.map((e) => `${e.tbl}|${e.key}`)));
      const tables = [...new Set(changed.map((e) => TABLE_LABEL[e.tbl] ?? e.tbl))].join('、');
      const because = later.length
        ? `之后的导入（第 ${later.join('、')} 次）又修改了其中 ${changed.length} 条${tables}数据。请先撤销这些更晚的导入（从最近的一次开始），再撤销这一次。`
        : `其中 ${changed.length} 条${tables}数据在导入后又被修改过。为避免丢失这些修改，未做任何改动；如需回到导入前，可在“设置 → 备份与恢复”中恢复导入前的备份。`;
      throw new AppError('CONFLICT', `无法撤销${what}：${because}`);
    }
    const refs = new References(db);
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i] as (typeof entries)[number];
      const key = JSON.parse(e.key) as SqlValue[];
      if (e.before === null) {
        const by = refs.referencing(e.tbl, key);
        if (by) {
          throw new AppError(
            'CONFLICT',
            `无法撤销${what}：它新建的${TABLE_LABEL[e.tbl] ?? e.tbl}“${String(key[0])}”已被之后加入的${TABLE_LABEL[by] ?? by}数据使用。请先撤销或删除那些数据。未做任何改动。`,
          );
        }
        store.remove(e.tbl, key);
      } else store.upsert(e.tbl, JSON.parse(e.before) as SqlValue[]);
    }
    db.prepare('UPDATE imports SET undone_at = ? WHERE id = ?').run(new Date().toISOString(), id);
    return { restored: entries.length };
  })();
}

export interface TemplateRow {
  name: string;
  kind: ImportKind;
  signature: string;
  mapping: string;
  savedAt: string;
}

export function listTemplates(db: Database.Database): TemplateRow[] {
  return db
    .prepare('SELECT name, kind, header_signature AS signature, mapping, saved_at AS savedAt FROM mapping_templates ORDER BY saved_at DESC')
    .all() as TemplateRow[];
}

export function saveTemplate(db: Database.Database, t: Omit<TemplateRow, 'savedAt'>): TemplateRow {
  const savedAt = new Date().toISOString();
  db.prepare(
    `INSERT INTO mapping_templates (name, kind, header_signature, mapping, saved_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET kind = excluded.kind, header_signature = excluded.header_signature,
     mapping = excluded.mapping, saved_at = excluded.saved_at`,
  ).run(t.name, t.kind, t.signature, t.mapping, savedAt);
  return { ...t, savedAt };
}

export function deleteTemplate(db: Database.Database, name: string): boolean {
  return db.prepare('DELETE FROM mapping_templates WHERE name = ?').run(name).changes > 0;
}

/** Classes are null when any grade's count is unknown: a partial sum would be compared as if whole. */
export function enrolmentTotals(db: Database.Database): Map<string, { classes: number | null; students: number }> {
  const rows = db
    .prepare(
      'SELECT school, year, CASE WHEN COUNT(classes) = COUNT(*) THEN SUM(classes) END AS classes, SUM(students) AS students FROM enrolment GROUP BY school, year',
    )
    .all() as {
    school: string;
    year: number;
    classes: number | null;
    students: number;
  }[];
  return new Map(rows.map((r) => [`${r.school}|${r.year}`, { classes: r.classes, students: r.students }]));
}

export { TABLES };
export { allStaff } from './queries';
