// The run's temporary files do not pile up: a test file's folders go when it ends, and
// everything else the run writes to os.tmpdir() sits in the run's own folder.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '../helpers/temp';

describe('test temporary folders', () => {
  it('removes every folder tempDir made, with what is in it', () => {
    const dirs = [tempDir('csp-temp-a-'), tempDir('csp-temp-b-')];
    fs.mkdirSync(path.join(dirs[0]!, 'sub'));
    fs.writeFileSync(path.join(dirs[0]!, 'sub', '项目.csplan'), 'x');
    // A file a test left open (a project it did not close) does not keep its folder.
    const open = fs.openSync(path.join(dirs[1]!, '打开中.xlsx'), 'w');
    removeTempDirs();
    fs.closeSync(open);
    expect(dirs.filter((d) => fs.existsSync(d))).toEqual([]);
  });

  it('writes under the run’s own temporary folder, which goes at the end of the run', () => {
    expect(path.basename(os.tmpdir())).toMatch(/^csp-test-run-/);
    expect(tempDir().startsWith(os.tmpdir() + path.sep)).toBe(true);
  });
});
