// Recently opened projects, kept in the data folder as a small JSON list.
import fs from 'node:fs';
import path from 'node:path';
import type { RecentFile } from '../../../shared/api';

const MAX = 12;

export class RecentFiles {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'recent.json');
  }

  list(): RecentFile[] {
    let raw: unknown = [];
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      // Missing or damaged: start afresh rather than block the start page.
      return [];
    }
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((r): r is Omit<RecentFile, 'exists'> => typeof r?.path === 'string' && typeof r?.name === 'string')
      .map((r) => ({ path: r.path, name: r.name, openedAt: String(r.openedAt ?? ''), exists: fs.existsSync(r.path) }));
  }

  add(projectPath: string, name: string): void {
    const rest = this.list().filter((r) => r.path !== projectPath);
    const next = [{ path: projectPath, name, openedAt: new Date().toISOString() }, ...rest.map(({ exists: _e, ...r }) => r)];
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(next.slice(0, MAX), null, 2));
    fs.renameSync(tmp, this.file);
  }
}
