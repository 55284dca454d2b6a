// Import bench figures: a 30,000-row school sheet (a province's schools in the
// wide 教育事业统计 layout) read, checked and committed through the same API call as
// `cli import`; rows per second, the ratio of that total to SheetJS's bare parse of the
// same file, and the process's peak memory (the parse worker runs inside it).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as XLSX from 'xlsx';
import { createBackend } from '../../electron/backend';
import { insertCountyData } from '../../electron/backend/db/county-data';
import { createProjectFile } from '../../electron/backend/db/project-file';
import { openProjectFile } from '../../electron/backend/db/project-file';
import { PARSE_OPTIONS } from '../../electron/backend/import/read-workbook';
import { ImportService, type ImportStages } from '../../electron/backend/import/service';
import { Session } from '../../electron/backend/session';
import type { ImportResult } from '../../shared/import';
import type { Township } from '../../shared/domain';
import { importTemplate } from '../../shared/import';

type Measure = (name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string) => Promise<number>;

const ROWS = 30_000;
const TOWNSHIPS = 600;
const KINDS = [
  { word: '小学', grades: [22, 23] as const, share: 0.55 },
  { word: '初级中学', grades: [34, 35] as const, share: 0.2 },
  { word: '幼儿园', grades: [22 - 6, 22 - 6] as const, share: 0.2 },
  { word: '高级中学', grades: [40, 41] as const, share: 0.05 },
];

function townships(): Township[] {
  return Array.from({ length: TOWNSHIPS }, (_, i) => ({
    code: `41${String(Math.floor(i / 30) + 1).padStart(4, '0')}${String((i % 30) + 1).padStart(3, '0')}`,
    name: `第${i + 1}镇`,
    kind: '镇',
    urbanRural: i % 5 === 0 ? '城区' : '乡村',
    area: '',
  }));
}

/** A deterministic province-sized sheet in the blank template's layout. */
function provinceSheet(list: readonly Township[]): Buffer {
  const template = importTemplate('schools', '六三制');
  const headers = template.headers;
  const gradeCols = headers.map((h, c) => ({ h, c })).filter(({ h }) => /年级|小班|中班|大班|初[一二三]|高[一二三]/.test(h));
  const rows: (string | number | null)[][] = [headers];
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < ROWS; i++) {
    const pick = rnd();
    let acc = 0;
    const kind = KINDS.find((k) => (acc += k.share) >= pick) ?? KINDS[0]!;
    const t = list[i % list.length]!;
    const row: (string | number | null)[] = new Array(headers.length).fill(null);
    row[0] = 2024;
    row[1] = `41${String(1_0000_0000 + i).slice(1)}`;
    row[2] = `${t.name}第${i + 1}${kind.word}`;
    row[3] = kind.word === '初级中学' ? '初级中学' : kind.word === '高级中学' ? '高级中学' : kind.word === '幼儿园' ? '幼儿园' : '小学';
    row[4] = '公办';
    row[5] = t.name;
    row[6] = t.urbanRural;
    for (let c = 9; c <= 17; c++) row[c] = Math.round(rnd() * 5000);
    const teachers = 10 + Math.floor(rnd() * 90);
    row[18] = teachers;
    for (let c = 19; c <= 21; c++) row[c] = Math.floor(rnd() * teachers * 0.5);
    let classes = 0;
    let students = 0;
    for (const { h, c } of gradeCols) {
      const stage = /小班|中班|大班/.test(h) ? '幼儿园' : /初[一二三]/.test(h) ? '初级中学' : /高[一二三]/.test(h) ? '高级中学' : '小学';
      if (stage !== kind.word) continue;
      if (h.includes('班级数')) {
        const n = 1 + Math.floor(rnd() * 4);
        row[c] = n;
        classes += n;
      } else {
        const n = Math.round(((row[c - 1] as number) ?? 1) * (30 + rnd() * 15));
        row[c] = n;
        students += n;
      }
    }
    row[headers.length - 2] = classes;
    row[headers.length - 1] = students;
    rows.push(row);
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '学校基本情况');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
}

/** Samples the process's resident memory while `fn` runs; returns the peak and where it started. */
async function peakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peak: number; start: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.memoryUsage().rss;
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const value = await fn();
    return { value, peak: Math.max(peak, process.memoryUsage().rss), start };
  } finally {
    clearInterval(timer);
  }
}

/** The bench's workbook and an empty project holding its townships, written into `dir`. */
export async function writeImportBenchFiles(dir: string): Promise<{ file: string; empty: string; bytes: Buffer; note: string }> {
  const list = townships();
  const bytes = provinceSheet(list);
  const file = path.join(dir, 'province-schools.xlsx');
  fs.writeFileSync(file, bytes);
  const empty = path.join(dir, 'import-empty.csplan');
  const project = await createProjectFile(empty);
  insertCountyData(project.db, { meta: { name: '某省', code: '410000', schoolSystem: '六三制', baseYear: 2024 }, townships: list, schools: [], enrolment: [], staff: [], population: [], births: [] });
  project.close();
  const note = `${ROWS.toLocaleString('zh-CN')} 行 × ${importTemplate('schools', '六三制').headers.length} 列，文件 ${(bytes.length / 1048576).toFixed(1)} MiB`;
  return { file, empty, bytes, note };
}

export async function benchImport(dir: string, measure: Measure): Promise<void> {
  const { file, empty, bytes, note } = await writeImportBenchFiles(dir);

  const bare = await measure('导入基准：SheetJS 直接解析同一文件（默认选项）', 3, () => XLSX.read(bytes, { type: 'buffer' }), note);
  const lean = await measure('导入基准：SheetJS 直接解析（与导入相同的选项）', 3, () => XLSX.read(bytes, { ...PARSE_OPTIONS, type: 'buffer' }), note);

  let last: ImportResult | null = null;
  let peak = 0;
  let increase = 0;
  const baseline = process.memoryUsage().rss;
  const total = await measure(
    '导入基准：读取 + 检查 + 备份 + 写入（import.run）',
    3,
    async (i) => {
      const target = path.join(dir, `import-run-${i}.csplan`);
      fs.copyFileSync(empty, target);
      const backend = createBackend({ dataDir: path.join(dir, `import-data-${i}`), shell: 'cli' });
      try {
        const opened = await backend.dispatch('project.open', { path: target });
        if (!opened.ok) throw new Error(opened.error.message);
        const run = await peakRss(() => backend.dispatch('import.run', { path: file, kind: 'schools', acceptWarnings: true }));
        peak = Math.max(peak, run.peak);
        increase = Math.max(increase, run.peak - run.start);
        if (!run.value.ok) throw new Error(run.value.error.message);
        last = run.value.result as ImportResult;
        if (!last.ok) throw new Error(last.issues.find((x) => x.severity === 'error')?.message ?? '导入失败');
      } finally {
        backend.close();
      }
    },
    note,
  );
  const dry = await measure('导入基准：读取 + 检查，不写入（--dry-run）', 3, async () => {
    const backend = createBackend({ dataDir: path.join(dir, 'import-data-dry'), shell: 'cli' });
    try {
      await backend.dispatch('project.open', { path: empty });
      const r = await backend.dispatch('import.run', { path: file, kind: 'schools', dryRun: true });
      if (!r.ok) throw new Error(r.error.message);
    } finally {
      backend.close();
    }
  }, note);
  // The same run once more, straight on the import service, for where its time goes.
  const stages: ImportStages = {};
  const split = path.join(dir, 'import-split.csplan');
  fs.copyFileSync(empty, split);
  const session = new Session();
  session.set(await openProjectFile(split));
  const service = new ImportService(session);
  const t0 = performance.now();
  await service.run({ path: file, kind: 'schools', acceptWarnings: true }, stages);
  const whole = performance.now() - t0;
  service.close();
  session.project.close();
  const rows = (last as ImportResult | null)?.rowsImported ?? 0;
  console.log('');
  console.log(`导入 ${rows.toLocaleString('zh-CN')} 行学校数据：${Math.round(rows / (total / 1000)).toLocaleString('zh-CN')} 行/秒（含备份与写入）；`);
  console.log(`  总耗时与 SheetJS 直接解析之比：${(total / bare).toFixed(2)} 倍（默认选项），${(total / lean).toFixed(2)} 倍（与导入相同的选项；目标 ≤ 2 倍）；`);
  console.log(`  只读取与检查（不写入）：${(dry / bare).toFixed(2)} 倍 / ${(dry / lean).toFixed(2)} 倍；`);
  console.log(`  进程内存峰值 ${(peak / 1048576).toFixed(0)} MiB（开始前 ${(baseline / 1048576).toFixed(0)} MiB，解析线程在同一进程内）；`);
  const part = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(2)} 秒（${(((ms ?? 0) / whole) * 100).toFixed(0)}%）`;
  console.log(
    `  各阶段（单独一次，共 ${(whole / 1000).toFixed(2)} 秒）：读文件 ${part(stages.read)}，解析（后台线程，含启动与传回）${part(stages.parse)}，` +
      `识别与检查 ${part(stages.plan)}，备份 ${part(stages.backup)}，写入与日志 ${part(stages.commit)}；`,
  );
  console.log(`  导入期间内存峰值增加 ${(increase / 1048576).toFixed(0)} MiB（相对每次 import.run 开始时；目标 < 300 MiB）。`);
}
