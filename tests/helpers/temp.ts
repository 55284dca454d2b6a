import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Every folder a test file makes is removed when the file has finished (tests/setup/
// remove-temp-dirs.ts): a whole run writes gigabytes of project files, spreadsheets, PDFs and
// shapefiles, and a CI machine with little disk left failed half the suite on them.
const made: string[] = [];

export function tempDir(prefix = 'csp-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Removes the folders `tempDir` made in this test file; a file still open is unlinked all the same. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (e) {
      // What is left goes with the run's own temporary folder (tests/setup/run-tmpdir.ts).
      console.warn(`临时文件夹未能删除：${dir}（${(e as Error).message}）`);
    }
  }
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
