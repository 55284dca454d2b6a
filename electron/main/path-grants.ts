// Which files the page may name over IPC. A page that is compromised (or simply wrong) must
// not be able to read or overwrite any file the user can reach, so a path is accepted only
// when the user picked it in a native dialog, when it lies inside the app's data folder, or
// when it is on the recent-files list. No 'electron' import: tests run this under Node.
// The loopback host has its own token and origin checks and does not use this rule.
import fs from 'node:fs';
import path from 'node:path';
import { contract, isMethodName, type MethodName, type ParsedInput } from '../../shared/api';

type PathsOf = { [M in MethodName]?: (input: ParsedInput<M>) => Array<string | undefined> };

/** Every method whose input names a file on disk, and where. */
export const PATH_FIELDS: PathsOf = {
  'project.open': (i) => [i.path],
  'project.create': (i) => [i.path],
  'import.open': (i) => ['path' in i.source ? i.source.path : undefined],
  'import.run': (i) => [i.path],
  'annex.export': (i) => [i.outPath],
  'geo.importLayer': (i) => [i.path],
  'geo.importStart': (i) => [i.path],
};

export const PATH_REFUSED_MESSAGE =
  '只能打开或保存在对话框中选择的文件、应用数据文件夹中的文件或最近打开的项目，请通过“浏览…”重新选择文件。';

/**
 * The paths a call would touch, read from the input as the dispatcher will parse it (so a
 * path padded with spaces is checked as the backend will use it). Empty when the method
 * names no file or the input is malformed (the dispatcher refuses that on its own).
 */
export function pathsOf(method: string, input: unknown): string[] {
  if (!isMethodName(method)) return [];
  const read = PATH_FIELDS[method] as ((input: unknown) => Array<string | undefined>) | undefined;
  if (!read) return [];
  const parsed = contract[method].input.safeParse(input ?? {});
  if (!parsed.success) return [];
  return read(parsed.data).filter((p): p is string => typeof p === 'string');
}

const foldCase = (p: string) => (process.platform === 'win32' ? p.toLowerCase() : p);

/**
 * The path the operating system will reach: resolved, with symbolic links followed as far
 * as the path exists (a file about to be created is judged by its real folder).
 */
export function canonicalPath(p: string): string {
  const full = path.resolve(p);
  const tail: string[] = [];
  for (let existing = full; ; ) {
    try {
      return foldCase(path.join(fs.realpathSync.native(existing), ...tail));
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return foldCase(full);
      tail.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

export interface PathRule {
  /** The app's data folder (recent files, the sample county, new projects by default). */
  dataDir: string;
  /** The recent-files list, read when a path is neither granted nor in the data folder. */
  recent(): Promise<readonly string[]>;
}

/** The paths the user chose in a dialog during this session. */
export class PathGrants {
  private readonly granted = new Set<string>();

  grant(file: string): void {
    this.granted.add(canonicalPath(file));
  }

  /** True when every path may be used: granted, inside the data folder, or a recent file. */
  async allow(paths: readonly string[], rule: PathRule): Promise<boolean> {
    const dataDir = canonicalPath(rule.dataDir);
    let recent: Set<string> | null = null;
    for (const p of paths) {
      const file = canonicalPath(p);
      if (this.granted.has(file) || isInside(dataDir, file)) continue;
      recent ??= new Set((await rule.recent()).map(canonicalPath));
      if (!recent.has(file)) return false;
    }
    return true;
  }
}
