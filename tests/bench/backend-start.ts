// A fresh backend process (worker-backend.ts), as the desktop app and the loopback host start
// one: time to its first answer, opening the sample county, the first PDF (现状学校一览表) and
// the first figure annex (ECharts is loaded then), each in wall time and in the backend
// process's own CPU (read from /proc, so a machine busy with other work still gives
// comparable figures). Five starts, medians.
// `npx tsx tests/bench/backend-start.ts` runs the backend from source (tsx);
// `npx tsx tests/bench/backend-start.ts out/main/backend-worker.js` the built one (after `npx electron-vite build`).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createWorkerBackend } from '../../electron/backend/worker-backend';
import { createProjectWithData } from '../../electron/backend/services/project';
import { generateCounty } from '../../shared/sample';

const STARTS = 5;
const PHASES = ['启动到首次应答', '打开示例县', '首次打印 PDF（现状学校一览表）', '首次打印图表附件'] as const;

/** CPU milliseconds of this process's running children (the backend's process); null off Linux. */
function childCpuMs(): number | null {
  try {
    const kids = fs.readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
    let ticks = 0;
    for (const k of kids) {
      // Fields after the command name: utime and stime are the 12th and 13th, in 1/100 s.
      const fields = (fs.readFileSync(`/proc/${k}/stat`, 'utf8').split(') ')[1] ?? '').split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10;
  } catch {
    return null;
  }
}

interface Phase {
  wall: number;
  cpu: number | null;
}

async function oneStart(entry: string | undefined, file: string, dir: string, i: number): Promise<Phase[]> {
  const backend = createWorkerBackend({
    dataDir: path.join(dir, `data-${i}`),
    shell: 'electron',
    entry,
    printPdf: () => Promise.resolve(new TextEncoder().encode('%PDF-stub')),
  });
  const calls: [string, unknown][] = [
    ['app.home', {}],
    ['project.open', { path: file }],
    ['annex.export', { format: 'pdf', outPath: path.join(dir, `schools-${i}.pdf`), annexes: [{ kind: 'schools', paper: 'A3 landscape' }] }],
    ['annex.export', { format: 'pdf', outPath: path.join(dir, `chart-${i}.pdf`), annexes: [{ kind: 'students-chart', paper: 'A4 portrait' }] }],
  ];
  const phases: Phase[] = [];
  let cpu0: number | null = 0;
  try {
    for (const [method, input] of calls) {
      const t0 = performance.now();
      const r = await backend.dispatch(method, input);
      if (!r.ok) throw new Error(`${method}：${r.error.message}`);
      const cpu = childCpuMs();
      phases.push({ wall: performance.now() - t0, cpu: cpu === null || cpu0 === null ? null : cpu - cpu0 });
      cpu0 = cpu;
    }
  } finally {
    backend.close();
  }
  return phases;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  const entry = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csp-bench-start-'));
  try {
    const file = path.join(dir, '示例县.csplan');
    (await createProjectWithData(file, generateCounty())).close();
    const starts: Phase[][] = [];
    for (let i = 0; i < STARTS; i++) starts.push(await oneStart(entry, file, dir, i));
    console.log(`后台进程启动（${entry ?? '源代码，tsx'}），${STARTS} 次的中位数；负载 ${os.loadavg()[0]?.toFixed(1)}`);
    PHASES.forEach((name, k) => {
      const cpus = starts.map((s) => s[k]?.cpu ?? null);
      const cpu = cpus.includes(null) ? '—' : `${median(cpus as number[]).toFixed(0)} ms`;
      console.log(`  ${name}：墙钟 ${median(starts.map((s) => s[k]?.wall ?? 0)).toFixed(0)} ms，后台进程 CPU ${cpu}`);
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
