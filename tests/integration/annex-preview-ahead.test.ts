// The 附件 preview built ahead annex by annex (annex.prepare with `preview`, one annex a call,
// each numbered 附件1 on its own) and then joined by annex.preview is the preview a fresh
// backend prints in one call: each annex's section is drawn once whatever its number. Only the
// charts' generated class names may differ (ECharts numbers its renderers per process, in the
// order they were drawn).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { AnnexList } from '../../shared/annex';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let dir: string;
let projectPath: string;

beforeAll(async () => {
  ({ backend, dir, projectPath } = await openSampleCounty('csp-annex-ahead-'));
});
afterAll(() => backend?.close());

describe('the annex preview built ahead', () => {
  it('joins the sections drawn annex by annex into the document a single call prints, numbered in the planner’s order', async () => {
    const ok = <T>(method: string, input: unknown) => resultOf<T>(backend.dispatch(method, input));
    const plan = await ok<{ id: number }>('plan.create', { name: '预建' });
    const list = await ok<AnnexList>('annex.list', {});
    const kinds = list.annexes.filter((a) => a.available).map((a) => a.kind);
    expect(kinds.length).toBeGreaterThan(5);
    const request = {
      plan: plan.id,
      scenario: '中',
      titlePrefix: '预建县',
      annexes: kinds.map((kind, i) => ({ kind, ...(i === 0 ? { number: 3 } : {}) })),
    };
    for (const selection of request.annexes) {
      expect(await ok('annex.prepare', { ...request, annexes: [selection], preview: true })).toEqual({ prepared: 1 });
    }
    const joined = (await ok<{ html: string }>('annex.preview', request)).html;
    const labels = [...joined.matchAll(/<div class="annex-label">(附件\d+)<\/div>/g)].map((m) => m[1]);
    expect(labels).toEqual(kinds.map((_, i) => `附件${i + 3}`));
    backend.close();

    backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'cli' });
    await resultOf(backend.dispatch('project.open', { path: projectPath }));
    const printed = (await resultOf<{ html: string }>(backend.dispatch('annex.preview', request))).html;
    const sameRenderer = (html: string) => html.replace(/\bzr\d+-cls-\d+/g, 'zr-cls').replace(/\bzr\d+-/g, 'zr-');
    expect(joined).not.toBe(sameRenderer(joined));
    expect(sameRenderer(joined)).toBe(sameRenderer(printed));
  });
});
