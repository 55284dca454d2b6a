// Annex bench figures: time to produce every annex (with a default plan) as PDF (system
// Chromium, as headless runs print) for the sample county and for a county of about 600
// schools, and the XLSX and DOCX of the large one for comparison.
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import { chromiumPrinter } from '../../electron/backend/annex/chromium';
import { createProjectWithData } from '../../electron/backend/services/project';
import type { AnnexList } from '../../shared/annex';
import type { CountyData } from '../../shared/domain';
import { generateCounty, generateProvince } from '../../shared/sample';

type Measure = (name: string, times: number, fn: (i: number) => Promise<unknown> | unknown, note?: string) => Promise<number>;

/** Counties merged into one of about 600 schools (six sample-sized counties). */
const LARGE_COUNTIES = 6;

async function annexRun(dir: string, label: string, data: CountyData, measure: Measure, formats: readonly ('pdf' | 'xlsx' | 'docx')[]): Promise<void> {
  const file = path.join(dir, `annex-${label}.csplan`);
  (await createProjectWithData(file, data)).close();
  const backend = createBackend({ dataDir: path.join(dir, `annex-data-${label}`), shell: 'cli', printPdf: chromiumPrinter() });
  try {
    const opened = await backend.dispatch('project.open', { path: file });
    if (!opened.ok) throw new Error(opened.error.message);
    // A plan with the default targets, so that the plan's annexes (1, 3, 4, 5, demand chart) are timed too.
    const plan = await backend.dispatch('plan.create', { name: '十五五' });
    if (!plan.ok) throw new Error(plan.error.message);
    const list = await backend.dispatch('annex.list', {});
    if (!list.ok) throw new Error(list.error.message);
    const annexes = (list.result as AnnexList).annexes.filter((a) => a.available).map((a) => ({ kind: a.kind }));
    const note = `${data.schools.length} 所学校；附件：${(list.result as AnnexList).annexes.filter((a) => a.available).map((a) => a.title).join('、')}`;
    for (const format of formats) {
      let bytes = 0;
      await measure(`附件 ${format.toUpperCase()}（${label}）`, format === 'pdf' ? 3 : 5, async () => {
        const res = await backend.dispatch('annex.export', { format, annexes });
        if (!res.ok) throw new Error(res.error.message);
        bytes = (res.result as { bytes: number }).bytes;
      }, note);
      console.log(`  附件 ${format.toUpperCase()}（${label}）：${(bytes / 1024).toFixed(0)} KB`);
    }
  } finally {
    backend.close();
  }
}

export async function benchAnnexes(dir: string, measure: Measure, merge: (counties: CountyData[]) => CountyData): Promise<void> {
  await annexRun(dir, '示例县', generateCounty(), measure, ['pdf', 'xlsx', 'docx']);
  await annexRun(dir, `${LARGE_COUNTIES}县合并`, merge(generateProvince(LARGE_COUNTIES)), measure, ['pdf', 'xlsx', 'docx']);
}
