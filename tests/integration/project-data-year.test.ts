// The header's 基准年 beside the data's last year: a project whose stored base year lies after
// its enrolment (a real panel ending 2017 in a project made with the default 2025) says where its
// forecasts and plans really start, without changing the stored base year.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { ProjectInfo, ProjectSummary } from '../../shared/api/types';
import type { ProjectionResult } from '../../shared/projection/types';
import { resultOf } from '../helpers/backend';
import { tinyProject } from '../helpers/project';
import { tempDir } from '../helpers/temp';

let backend: Backend;
let dir: string;
const ok = <T>(method: string, input: unknown = {}) => resultOf<T>(backend.dispatch(method, input));

beforeEach(() => {
  dir = tempDir('csp-data-year-');
  backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
});
afterEach(() => backend.close());

describe('project summary dataYear', () => {
  it('is the year forecasts start from: the last enrolment year up to the base year', async () => {
    const opened = await ok<ProjectSummary>('project.open', { path: await tinyProject(dir) });
    const last = Math.max(...(await ok<ProjectInfo>('project.info')).enrolmentYears);
    expect(opened.dataYear).toBe(Math.min(last, opened.baseYear));

    const later = await ok<ProjectSummary>('project.updateMeta', { baseYear: last + 8 });
    expect(later.baseYear).toBe(last + 8);
    expect(later.dataYear).toBe(last);
    expect((await ok<ProjectInfo>('project.info')).baseYear).toBe(last + 8);
    expect((await ok<ProjectionResult>('projection.run', {})).baseYear).toBe(later.dataYear);
  });

  it('is null without enrolment', async () => {
    const created = await ok<ProjectSummary>('project.create', { path: path.join(dir, '空县.csplan'), name: '空县' });
    expect(created.dataYear).toBeNull();
  });
});
