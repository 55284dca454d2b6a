// End to end: the 预测 page in Debian's Chromium against the loopback host with the real
// backend — the figures on screen are the API's, scenarios and edits recompute, the backtest
// shows, and the export is a workbook. Screenshots go to test-results/screenshots.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Host } from '../../electron/host/server';
import type { BacktestResult, ProjectionResult } from '../../shared/projection';
import { withBrowserSession } from '../helpers/browser';

let host: Host;
let page: Page;
const session = withBrowserSession({ prefix: 'forecast', acceptDownloads: true }, (s) => ({ host, page } = s));

const shot = (name: string) => session.shot(name);
const api = <T>(method: string, input: unknown) => session.api<T>(method, input);
const digits = (s: string | null) => (s ?? '').replace(/[,\s]/g, '');

/** A body row of an antd table or of a PlainTable (the 分学段 table). */
const ROW = 'tr.ant-table-row, tr.plain-table-row';

async function tableCell(testId: string, rowText: string, column: number): Promise<string> {
  const row = page.getByTestId(testId).locator(ROW, { hasText: rowText }).first();
  return digits(await row.locator('td').nth(column).textContent());
}

describe('the 预测 page', () => {
  let projection: ProjectionResult;

  it('shows the sample county projection: falling primary, junior peaking, with its backtest', async () => {
    await page.goto(host.openUrl);
    await page.getByText('打开示例县').first().click();
    await page.getByTestId('overview-page').waitFor();
    await session.openPage('预测');
    await page.getByTestId('forecast-page').waitFor();
    await page.locator('[data-testid="forecast-county-chart"] svg path').first().waitFor({ state: 'attached' });
    projection = await api<ProjectionResult>('projection.run', { scenario: '中' });

    const peaks = (await page.getByTestId('forecast-peaks').textContent()) ?? '';
    expect(peaks).toContain(projection.peaks.find((p) => p.stage === 'primary')?.text ?? '—');
    expect(peaks).toMatch(/小学在校生预计逐年下降/);
    expect(peaks).toMatch(/初中在校生预计 \d{4} 年达到峰值/);

    // The table shows the API's numbers, first and last projected year.
    expect(await tableCell('forecast-county-table', '小学', 2)).toBe(String(projection.county.primary[0]));
    expect(await tableCell('forecast-county-table', '初中', projection.years.length + 1)).toBe(String(projection.county.junior.at(-1)));
    // The backtest accuracy sits beside the projection.
    await expect.poll(() => page.getByTestId('accuracy-county').textContent()).toContain('沿用基准年');
    await shot('10-forecast-county');
  });

  it('shows the 80 % interval as a band on the chart and a range row in the table', async () => {
    expect(projection.intervals.source).toBe('backtest');
    const low = projection.countyLow?.primary ?? [];
    const high = projection.countyHigh?.primary ?? [];
    expect(low[0]).toBeLessThanOrEqual(projection.county.primary[0] ?? 0);
    expect(high[0]).toBeGreaterThanOrEqual(projection.county.primary[0] ?? Infinity);
    await expect.poll(() => page.getByTestId('forecast-interval-note').textContent()).toContain('80% 预测区间');
    // The range row sits right under its stage's figures.
    const rows = page.getByTestId('forecast-county-table').locator(ROW);
    const labels = await rows.locator('td:first-child').allTextContents();
    const primary = labels.indexOf('小学');
    expect(labels[primary + 1]).toBe('80% 区间');
    const cell = digits(await rows.nth(primary + 1).locator('td').nth(2).textContent());
    expect(cell).toBe(`${low[0]}–${high[0]}`);
    // Two stacked areas per stage: the interval band (darker) under the scenario band.
    const areas = await page.locator('[data-testid="forecast-county-chart"] svg path[fill-opacity]').count();
    expect(areas).toBeGreaterThan(0);
    await page.getByTestId('forecast-county-chart').scrollIntoViewIfNeeded();
    await shot('10b-forecast-county-interval');
  });

  it('switches scenario and recomputes while a parameter moves, without saving it', async () => {
    const high = await api<ProjectionResult>('projection.run', { scenario: '高' });
    await page.getByTestId('forecast-scenario').getByText('高', { exact: true }).click();
    await expect.poll(() => tableCell('forecast-county-table', '小学', projection.years.length + 1)).toBe(String(high.county.primary.at(-1)));
    expect(high.county.primary.at(-1)).toBeGreaterThan(projection.county.primary.at(-1) ?? Infinity);

    await page.getByTestId('forecast-scenario').getByText('中', { exact: true }).click();
    await expect.poll(() => tableCell('forecast-county-table', '小学', projection.years.length + 1)).toBe(String(projection.county.primary.at(-1)));
    // Push the 进城就读 slider to its end: the town takes more, rural townships fewer.
    const handle = page.getByTestId('editor-urbanisation').locator('.ant-slider-handle');
    await handle.focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('scenario-editor').textContent()).toContain('未保存');
    const edited = await api<ProjectionResult>('projection.run', { scenario: '中', params: { urbanisationScale: 3 } });
    await page.getByTestId('forecast-tabs').getByText('分乡镇', { exact: true }).click();
    await page.locator('[data-testid="forecast-township-chart"] svg path').first().waitFor({ state: 'attached' });
    const town = edited.townships.find((t) => t.name === '城关镇');
    if (!town) throw new Error('no 城关镇');
    await expect.poll(() => tableCell('forecast-township-table', '城关镇', projection.years.length + 2)).toBe(String(town.primary.at(-1)));
    await shot('11-forecast-townships-edited');
    // Nothing was stored: the API still gives the saved scenario.
    const stored = await api<{ scenarios: { name: string; params: { urbanisationScale: number } }[] }>('projection.setup', {});
    expect(stored.scenarios.find((s) => s.name === '中')?.params.urbanisationScale).toBe(1);
    await page.getByTestId('scenario-editor').getByText('撤销修改').click();
  });

  it('lists every school with its projection', async () => {
    await page.getByTestId('forecast-tabs').getByText('分学校', { exact: true }).click();
    await expect.poll(() => page.getByTestId('forecast-school-count').textContent()).toContain(String(projection.schools.length));
    await page.locator('[data-testid="forecast-school-table"] svg.sparkline').first().waitFor();
    await shot('12-forecast-schools');
  });

  it('shows the population pyramid and births', async () => {
    await page.getByTestId('forecast-tabs').getByText('学龄人口', { exact: true }).click();
    await page.locator('[data-testid="forecast-pyramid"] svg path').first().waitFor({ state: 'attached' });
    await page.locator('[data-testid="forecast-births"] svg path').first().waitFor({ state: 'attached' });
    await shot('13-forecast-population');
  });

  it('shows the backtest table, which says which method did best', async () => {
    await page.getByTestId('forecast-tabs').getByText('回测', { exact: true }).click();
    await page.getByTestId('forecast-backtest-table').waitFor();
    const bt = await api<BacktestResult>('projection.backtest', {});
    const verdict = (await page.getByTestId('forecast-backtest-verdict').textContent()) ?? '';
    for (const v of bt.verdict) expect(verdict).toContain(v);
    expect(bt.overall.county.best).toBe('projection');
    await shot('14-forecast-backtest');
  });

  it('shows the backtest horizon by horizon, with how often the 80 % interval held', async () => {
    const bt = await api<BacktestResult>('projection.backtest', {});
    const table = page.getByTestId('forecast-backtest-horizons');
    await table.waitFor();
    expect(await table.locator('tr.ant-table-row').count()).toBe(bt.byHorizon.length * 3);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('第 1 年');
    const cov = bt.byHorizon[0]?.levels.school.coverage;
    expect(cov).not.toBeNull();
    expect(text).toContain(`${(cov ?? 0).toFixed(1)}%`);
    await table.scrollIntoViewIfNeeded();
    await shot('14b-forecast-backtest-horizons');
  });

  it('ends the recompute measure at the frame showing the new figures in the chart and the table, and draws nothing after it', async () => {
    await page.getByTestId('forecast-tabs').getByText('分学段', { exact: true }).click();
    const chart = page.locator('[data-testid="forecast-county-chart"] svg');
    await chart.locator('path').first().waitFor({ state: 'attached' });
    const column = projection.years.length + 1;
    // What the page shows at the moment the renderer ends csp:answer:recompute, taken inside
    // that call: the chart's drawing and the 小学 figure of the last year.
    await page.evaluate((col) => {
      const w = window as unknown as { __atAnswer: { svg: string; cell: string; row: string[] }[] };
      w.__atAnswer = [];
      const measure = performance.measure.bind(performance);
      performance.measure = ((name: string, options?: PerformanceMeasureOptions) => {
        if (name === 'csp:answer:recompute') {
          const row = [...document.querySelectorAll('[data-testid="forecast-county-table"] tr.plain-table-row')].find((r) => r.textContent?.includes('小学'));
          w.__atAnswer.push({
            svg: document.querySelector('[data-testid="forecast-county-chart"] svg')?.outerHTML ?? '',
            cell: (row?.querySelectorAll('td')[col]?.textContent ?? '').replace(/[,\s]/g, ''),
            row: [...(row?.querySelectorAll('td') ?? [])].slice(2).map((td) => (td.textContent ?? '').replace(/[,\s]/g, '')),
          });
        }
        return measure(name, options);
      }) as typeof performance.measure;
    }, column);
    const svgBefore = await chart.evaluate((el) => el.outerHTML);
    const recomputes = await page.evaluate(() => performance.getEntriesByName('csp:recompute', 'measure').length);

    const setup = await api<{ scenarios: { name: string; params: { births: { changePct: number | null; shiftPct: number } } }[] }>('projection.setup', {});
    const births = setup.scenarios.find((x) => x.name === '中')?.params.births;
    if (!births) throw new Error('no 中 scenario');
    const moved = await api<ProjectionResult>('projection.run', { scenario: '中', params: { births: { ...births, shiftPct: births.shiftPct + 0.5 } } });
    expect(moved.county.primary.at(-1)).not.toBe(projection.county.primary.at(-1));

    await page.getByTestId('editor-births-shift').locator('.ant-slider-handle').focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => performance.getEntriesByName('csp:recompute', 'measure').length > n, recomputes);
    const atAnswer = await page.evaluate(() => (window as unknown as { __atAnswer: { svg: string; cell: string; row: string[] }[] }).__atAnswer);
    expect(atAnswer).toHaveLength(1);
    const [shown] = atAnswer;
    expect(shown?.cell).toBe(String(moved.county.primary.at(-1)));
    // Every projected year of the row, not only the last: no cell is left showing the old answer.
    expect(shown?.row).toEqual(moved.county.primary.map(String));
    expect(shown?.svg).not.toBe(svgBefore);
    // Settled: the chart is the one drawn in the answer's frame, with nothing tweened since.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await chart.evaluate((el) => el.outerHTML)).toBe(shown?.svg);
    expect(await tableCell('forecast-county-table', '小学', column)).toBe(String(moved.county.primary.at(-1)));
    await page.getByTestId('scenario-editor').getByText('撤销修改').click();
    await expect.poll(() => tableCell('forecast-county-table', '小学', column)).toBe(String(projection.county.primary.at(-1)));
  });

  it('exports the projection as a workbook', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('forecast-export').click()]);
    expect(download.suggestedFilename()).toMatch(/预测.*\.xlsx$/);
    const file = await download.path();
    const book = XLSX.read(fs.readFileSync(file));
    expect(book.SheetNames).toEqual(expect.arrayContaining(['全县分学段', '分乡镇', '分学校在校生', '回测', '说明']));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['全县分学段'] as XLSX.WorkSheet, { header: 1 });
    const primary = rows.find((r) => r[0] === '小学');
    expect(primary?.[2]).toBe(projection.county.primary[0]);
  });

  it('made no request beyond the loopback host, and none failed', () => {
    expect(session.outsideRequests()).toEqual([]);
    expect(session.failures).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
  });
});
