// Every byte of a command's output reaches a pipe before the program exits: a project of
// fourteen sample counties gives over 1 MB of enrolment CSV and of projection JSON, read
// through real pipes (`| wc -c`, and a child's stdout pipe) and parsed; the sample county's
// piped CSV is the CSV file the same export writes (without the file's byte-order mark).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { createProjectWithData } from '../../electron/backend/services/project';
import type { CountyData } from '../../shared/domain';
import { generateCounty } from '../../shared/sample';
import { tempDir } from '../helpers/temp';

const run = promisify(execFile);
const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('electron/cli/main.ts');
const MB = 1024 * 1024;

let dir: string;
let big: string;
let sample: string;

function merged(counties: CountyData[]): CountyData {
  const [first] = counties;
  // Township names are unique within a project: each county's carry its name.
  const townships = counties.flatMap((c) => c.townships.map((t) => ({ ...t, name: `${c.meta.name}${t.name}` })));
  return { meta: first!.meta, townships, schools: counties.flatMap((c) => c.schools),
    enrolment: counties.flatMap((c) => c.enrolment),
    staff: counties.flatMap((c) => c.staff),
    population: counties.flatMap((c) => c.population),
    births: counties.flatMap((c) => c.births),
  };
}

/** The command's stdout through a shell pipe into `wc -c`, and its exit status. */
async function pipedBytes(args: string[]): Promise<number> {
  const quoted = [tsx, cli, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const { stdout } = await run('bash', ['-c', `set -o pipefail; ${quoted} | wc -c`], { env: { ...process.env, CSP_DATA_DIR: path.join(dir, 'data') } });
  return Number(stdout.trim());
}

async function stdoutOf(args: string[]): Promise<string> {
  const { stdout } = await run(tsx, [cli, ...args], { env: { ...process.env, CSP_DATA_DIR: path.join(dir, 'data') }, maxBuffer: 256 * MB });
  return stdout;
}

beforeAll(async () => {
  dir = tempDir('csp-pipe-');
  big = path.join(dir, '十四县.csplan');
  (await createProjectWithData(big, merged(Array.from({ length: 14 }, (_, index) => generateCounty({ index }))))).close();
  sample = path.join(dir, '示例县.csplan');
  (await createProjectWithData(sample, generateCounty())).close();
}, 120_000);

describe('output through a pipe', { timeout: 240_000 }, () => {
  it('export enrolment: over 1 MB, every byte, parseable', async () => {
    const csv = await stdoutOf(['export', big, 'enrolment']);
    expect(Buffer.byteLength(csv)).toBeGreaterThan(MB);
    expect(await pipedBytes(['export', big, 'enrolment'])).toBe(Buffer.byteLength(csv));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(csv, { type: 'string' }).Sheets.Sheet1 as XLSX.WorkSheet, { header: 1 });
    const county = merged(Array.from({ length: 14 }, (_, index) => generateCounty({ index })));
    expect(rows.length - 1).toBe(county.enrolment.length);
  });

  it('project --json: over 1 MB, every byte, valid JSON', async () => {
    const json = await stdoutOf(['project', big, '--json']);
    expect(Buffer.byteLength(json)).toBeGreaterThan(MB);
    expect(() => JSON.parse(json)).not.toThrow();
    expect(await pipedBytes(['project', big, '--json'])).toBe(Buffer.byteLength(json));
  });

  it('the sample county: `export … enrolment | wc -c` is the size of the exported CSV file without its BOM', async () => {
    const file = path.join(dir, '在校生.csv');
    await stdoutOf(['export', sample, 'enrolment', '--out', file]);
    const bom = fs.readFileSync(file).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
    expect(await pipedBytes(['export', sample, 'enrolment'])).toBe(fs.statSync(file).size - bom);
  });
});
