// Exports of texts too large for their format: an XLSX cell is cut at Excel's limit with a
// warning naming the cell, a CSV of a huge text is written in pieces with bounded memory, and
// an export killed mid-way leaves no half-written file under the name asked for.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { XLSX_CELL_LIMIT } from '../../electron/backend/io/table-writer';
import type { ProjectionExport } from '../../shared/projection';
import { generateCounty } from '../../shared/sample';
import { projectFile, resultOf } from '../helpers/backend';
import { tempDir } from '../helpers/temp';

const execRun = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('electron/cli/main.ts');
const memory = path.resolve('tests/helpers/csv-memory.ts');
const HUGE_NAME = '城'.repeat(9 * 1024 * 1024);

let dir: string;
let project: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = tempDir('csp-export-');
  env = { ...process.env, CSP_DATA_DIR: path.join(dir, 'cli-data') };
  const county = generateCounty();
  const [first, ...rest] = county.schools;
  project = await projectFile(dir, '长名.csplan', { ...county, schools: [{ ...first!, name: HUGE_NAME }, ...rest] });
}, 60_000);

async function cliRun(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execRun(tsx, [cli, ...args], { env, maxBuffer: 256 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('export limits', { timeout: 120_000 }, () => {
  it('cuts a 9 MB school name to Excel’s cell limit and says which cell, in Chinese', async () => {
    const out = path.join(dir, '学校.xlsx');
    const res = await cliRun('export', project, 'schools', '--out', out);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(/第 \d+ 行“学校名称”的内容有 9437184 个字符，超出 Excel 每个单元格 32767 个字符的上限，已截断（完整内容请导出为 CSV）。/);
    const sheet = XLSX.read(fs.readFileSync(out)).Sheets['学校'] ?? Object.values(XLSX.read(fs.readFileSync(out)).Sheets)[0]!;
    const names = (XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 }) as unknown[][]).map((r) => String(r[2] ?? ''));
    const cut = names.find((n) => n.startsWith('城城城'));
    expect(cut?.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
    expect(cut).toMatch(/已截断）$/);
    // The CSV keeps the whole name, and all of it reaches a pipe before the program exits.
    const csv = await cliRun('export', project, 'schools');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(HUGE_NAME);
    const file = path.join(dir, '学校.csv');
    expect((await cliRun('export', project, 'schools', '--out', file)).code).toBe(0);
    expect(csv.stdout).toBe(fs.readFileSync(file, 'utf8').replace(/^\ufeff/, ''));
  });

  it.each(['file', 'stdout'])('writes a CSV holding a 50-million-character text with bounded memory (%s)', async (mode) => {
    const size = 50_000_000;
    const out = path.join(dir, `大.csv`);
    const child = spawn(tsx, [memory, mode, String(size), out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let report = '';
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    child.stderr.on('data', (b: Buffer) => (report += b));
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(0);
    const { rise } = JSON.parse(report) as { rise: number };
    // The text alone is 100 MB in memory and 150 MB as UTF-8; a few pieces of 1 MB are written at a time.
    expect(rise).toBeLessThan(size / 2);
    const written = mode === 'file' ? fs.statSync(out).size : bytes;
    // 长 is three bytes in UTF-8; the closing quote doubled and the field quoted; then the short row.
    expect(written).toBe((mode === 'file' ? 3 : 0) + Buffer.byteLength('学校名称,备注\r\n') + (size - 1) * 3 + 4 + Buffer.byteLength(',1\r\n城关第一小学,2\r\n'));
  });

  it.each(['csv', 'xlsx'])('leaves no half-written file when killed while exporting (%s)', async (ext) => {
    const reference = path.join(dir, `完整.${ext}`);
    const start = Date.now();
    expect((await cliRun('export', project, 'schools', '--out', reference)).code).toBe(0);
    const whole = Date.now() - start;
    const expected = fs.readFileSync(reference);
    for (const fraction of [0.8, 0.95]) {
      const out = path.join(dir, `中断-${fraction}.${ext}`);
      const child = spawn(tsx, [cli, 'export', project, 'schools', '--out', out], { env, stdio: 'ignore', detached: true });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, Math.round(whole * fraction)));
      try {
        process.kill(-(child.pid as number), 'SIGKILL');
      } catch {
        // Already finished.
      }
      await exited;
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Either nothing under the name asked for, or the whole file (xlsx bytes carry no time).
      if (fs.existsSync(out)) {
        if (ext === 'csv') expect(fs.readFileSync(out).equals(expected)).toBe(true);
        else expect(fs.statSync(out).size).toBe(expected.length);
      }
    }
  });
  it('cuts the same name in the projection workbook and lists the cell', async () => {
    const backend = createBackend({ dataDir: path.join(dir, 'api-data'), shell: 'cli' });
    try {
      await resultOf(backend.dispatch('project.open', { path: project }));
      const out = await resultOf<ProjectionExport>(backend.dispatch('projection.exportXlsx', {}));
      expect(out.truncated.length).toBeGreaterThan(0);
      expect(out.truncated[0]).toMatch(/^工作表“分学校在校生”第 \d+ 行第 2 列的内容有 9437184 个字符，超出 Excel 每个单元格 32767 个字符的上限，已截断/);
      const book = XLSX.read(Buffer.from(out.base64, 'base64'));
      const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['分学校在校生']!, { header: 1 });
      const cut = rows.map((r) => String(r[1] ?? '')).find((n) => n.startsWith('城城城'));
      expect(cut?.length).toBeLessThanOrEqual(XLSX_CELL_LIMIT);
      expect(cut).toMatch(/已截断）$/);
    } finally {
      backend.close();
    }
  });
});
