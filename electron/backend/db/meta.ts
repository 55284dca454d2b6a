import type Database from 'better-sqlite3';
import type { CountyMeta } from '../../../shared/domain';
import { SCHOOL_SYSTEMS } from '../../../shared/domain';

const DEFAULT_META: CountyMeta = { name: '未命名县', code: '000000', schoolSystem: '六三制', baseYear: 2025 };

export function readMeta(db: Database.Database): CountyMeta {
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  const m = new Map(rows.map((r) => [r.key, r.value]));
  const system = m.get('schoolSystem');
  return {
    name: m.get('name') ?? DEFAULT_META.name,
    code: m.get('code') ?? DEFAULT_META.code,
    schoolSystem: SCHOOL_SYSTEMS.find((s) => s === system) ?? DEFAULT_META.schoolSystem,
    baseYear: Number(m.get('baseYear') ?? DEFAULT_META.baseYear),
    ...(m.get('countySeat') ? { countySeat: m.get('countySeat') } : {}),
  };
}

export function writeMeta(db: Database.Database, meta: Partial<CountyMeta>): void {
  const put = db.prepare('INSERT INTO meta (key, value) VALUES (@key, @value) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [k, v] of Object.entries(meta)) if (v !== undefined) put.run({ key: k, value: String(v) });
  })();
}
