// One temporary folder per test run, set as TMPDIR before the test processes start, so what
// tests, the backend and the Chromium they start write to os.tmpdir() (uploads, printed
// annexes, browser profiles) is removed with it at the end, whatever a test left behind.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-test-run-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
}
