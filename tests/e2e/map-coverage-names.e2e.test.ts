// End to end: the 布局图 coverage table keeps long township names on one line at 1280 × 720 (a
// real 学区 name, "第01学区", wrapped there) and scrolls sideways instead; its figures stay in view.
// Screenshot: map-coverage-names.png.
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../shared/sample';
import { projectFile } from '../helpers/backend';
import { withBrowserSession } from '../helpers/browser';
import { tempDir } from '../helpers/temp';
import { visualProblems } from '../helpers/visual';

const dir = tempDir('csp-e2e-map-names-');
const county = generateCounty();
// Long names, as districts are called in a real panel (学区) or a merged township.
const LONG = ['第01学区（城区东片）', '第02学区（城区西片）', '第03学区（北部山区片）'];
county.townships.slice(0, LONG.length).forEach((t, i) => (t.name = LONG[i]!));
const session = withBrowserSession({ prefix: 'map-names', dataDir: `${dir}/data` }, async (s) => {
  const opened = await s.host.backend.dispatch('project.open', { path: await projectFile(dir, '长名称县.csplan', county) });
  if (!opened.ok) throw new Error(opened.error.message);
});

describe('the coverage table on 布局图', () => {
  it('keeps each township name on one line at 1280 × 720', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(session.host.openUrl);
    await session.openPage('布局图');
    const names = page.locator('[data-testid="coverage-townships"] td.coverage-name');
    await expect.poll(() => names.count(), { timeout: 60_000 }).toBeGreaterThan(LONG.length);
    const lines = await names.evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return { text: cell.textContent ?? '', lines: new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size };
      }),
    );
    for (const name of LONG) expect(lines.find((l) => l.text === name)?.lines).toBe(1);
    expect(lines.filter((l) => l.lines !== 1)).toEqual([]);
    await page.getByTestId('coverage-townships').scrollIntoViewIfNeeded();
    await session.shot('map-coverage-names');
    expect(await visualProblems(page, '1280×720 布局图 覆盖表')).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  }, 180_000);
});
