// Spawned by the export test: writes a table holding one huge text as CSV (to a file, or to
// stdout) and reports on stderr how far the peak resident memory rose while writing.
//   tsx tests/helpers/csv-memory.ts <file|stdout> <characters> [文件.csv]
import fs from 'node:fs';
import { writeCsvFile, writeCsvStream } from '../../electron/backend/io/table-writer';

/** Peak resident memory since the last reset (Linux), in bytes. */
function peak(): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return Number(m?.[1]) * 1024;
}

async function main(): Promise<void> {
  const [mode, size, out] = process.argv.slice(2) as ['file' | 'stdout', string, string | undefined];
  const text = '长'.repeat(Number(size) - 1) + '"';
  text.indexOf('x'); // Flattened now, not while writing.
  const table = { sheet: '学校', headers: ['学校名称', '备注'], rows: [[text, 1], ['城关第一小学', 2]] };
  // Writing 5 resets the peak (VmHWM) to the current resident size.
  fs.writeFileSync('/proc/self/clear_refs', '5');
  const before = peak();
  if (mode === 'file') writeCsvFile(table, out as string);
  else await writeCsvStream(table, process.stdout);
  process.stderr.write(JSON.stringify({ before, rise: peak() - before }));
}

void main();
