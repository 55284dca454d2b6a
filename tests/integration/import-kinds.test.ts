// The backend's side of each import kind: a filled-in blank template of every registered
// kind imports through the API, writes only the tables its writer declares (as the journal
// shows), names its backup after it, and undoes to the data before it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { beforeEach, describe, expect, it } from 'vitest';
import { journalOf } from '../../electron/backend/db/import-journal';
import { IMPORT_KIND_WRITERS } from '../../electron/backend/import/kind-writers';
import { IMPORT_KIND_REGISTRY, IMPORT_KINDS, type ImportRecord, type ImportResult } from '../../shared/import';
import { withBackend } from '../helpers/with-backend';
import { xlsxOf } from '../helpers/import-files';
import { dumpData, IMPORT_AUDIT_TABLES, tinyProject } from '../helpers/project';

const session = withBackend('csp-import-kinds-');
let project: string;

const { ok } = session;

beforeEach(async () => {
  project = await tinyProject(session.dir);
});

describe('import kinds in the backend', () => {
  it('has a writer for exactly the registered kinds', () => {
    expect(Object.keys(IMPORT_KIND_WRITERS).sort()).toEqual([...IMPORT_KINDS].sort());
  });

  for (const kind of IMPORT_KINDS) {
    it(`${kind}: a filled-in blank template writes only its declared tables and undoes`, async () => {
      const before = dumpData(project, IMPORT_AUDIT_TABLES);
      await ok('project.open', { path: project });
      const { fileName, base64 } = await ok<{ fileName: string; base64: string }>('import.blankTemplate', { kind });
      expect(fileName).toBe(`${IMPORT_KIND_REGISTRY[kind].shortLabel}导入模板.xlsx`);
      const book = XLSX.read(Buffer.from(base64, 'base64'));
      const rows = XLSX.utils.sheet_to_json<(string | number | null)[]>(book.Sheets[book.SheetNames[0] ?? '']!, { header: 1, defval: null });
      // A new township too, so that every kind's township writes are held to its declaration.
      const filled = rows.slice(1).map((r) => r.map((v) => (typeof v === 'string' ? v.replace('城关镇（示例）', '新设镇').replace('城关镇', '新设镇').replace('（示例）', '') : v)));
      const file = path.join(session.dir, `填好的${fileName}`);
      fs.writeFileSync(file, xlsxOf([rows[0]!, ...filled]));
      const r = await ok<ImportResult>('import.run', { path: file, kind, createTownships: true, acceptWarnings: true });
      expect(r.ok, JSON.stringify(r.issues.filter((i) => i.severity !== 'info').slice(0, 3))).toBe(true);
      expect(r.backup).toMatch(new RegExp(`导入前-${IMPORT_KIND_WRITERS[kind].backupLabel}\\.csplan$`));
      const [record] = await ok<ImportRecord[]>('import.list', {});
      expect(record).toMatchObject({ kind, kindLabel: IMPORT_KIND_REGISTRY[kind].label });
      session.backend.close();

      const db = new Database(project, { readonly: true });
      const tables = new Set(journalOf(db, r.importId!).map((e) => e.tbl));
      db.close();
      // Only a kind with a township column can name a new township (a teacher table names schools).
      const carriesTownship = IMPORT_KIND_REGISTRY[kind].fields.some((f) => f.field === 'township');
      expect(tables.has('townships')).toBe(carriesTownship);
      expect([...tables].filter((t) => !IMPORT_KIND_WRITERS[kind].writes.includes(t))).toEqual([]);

      await ok('project.open', { path: project });
      await ok('import.undo', { importId: r.importId });
      session.backend.close();
      expect(dumpData(project, IMPORT_AUDIT_TABLES)).toEqual(before);
    });
  }
});
