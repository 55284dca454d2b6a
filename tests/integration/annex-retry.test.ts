// A failed annex preview is not kept: the figures' ECharts renderer fails to load the first
// time (as a module read can on a busy machine), and the next preview with the same data and
// choices draws the figure instead of answering that failure again until the data change.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend';
import { openSampleCounty, resultOf } from '../helpers/backend';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('echarts/renderers', async (importOriginal) => {
  loads.count++;
  if (loads.count === 1) throw new Error('模块读取失败（测试）');
  return importOriginal();
});

let backend: Backend;

beforeAll(async () => {
  ({ backend } = await openSampleCounty('csp-annex-retry-'));
});
afterAll(() => backend?.close());

describe('an annex preview that failed once', () => {
  it('is built again by the next call with the same data and choices', async () => {
    const request = { annexes: [{ kind: 'students-chart' }] };
    const failed = await backend.dispatch('annex.preview', request);
    expect(failed.ok).toBe(false);
    expect(loads.count).toBe(1);
    const { html } = await resultOf<{ html: string }>(backend.dispatch('annex.preview', request));
    expect(loads.count).toBe(2);
    expect(html).toContain('<svg');
  });
});
