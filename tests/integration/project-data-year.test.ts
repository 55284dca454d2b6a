// The header's 基准年 beside the data's last year: a project whose stored base year lies after
// its enrolment (a real panel ending 2017 in a project made with the default 2025) says where its
// forecasts and plans really start, without changing the stored base year.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectInfo, ProjectSummary } from '../../shared/api/types';
import type { ProjectionResult } from '../../shared/projection/types';
import { withBackend } from '../helpers/with-backend';
import { tinyProject } from '../helpers/project';

const session = withBackend('csp-data-year-');
const { ok } = session;

describe('project summary dataYear', () => {
  it('is the year forecasts start from: the last enrolment year up to the base year', async () => {
    const opened = await ok<ProjectSummary>('project.open', { path: await tinyProject(session.dir) });
    const last = Math.max(...(await ok<ProjectInfo>('project.info')).enrolmentYears);
    expect(opened.dataYear).toBe(Math.min(last, opened.baseYear));

    const later = await ok<ProjectSummary>('project.updateMeta', { baseYear: last + 8 });
    expect(later.baseYear).toBe(last + 8);
    expect(later.dataYear).toBe(last);
    expect((await ok<ProjectInfo>('project.info')).baseYear).toBe(last + 8);
    expect((await ok<ProjectionResult>('projection.run', {})).baseYear).toBe(later.dataYear);
  });

  it('is null without enrolment', async () => {
    const created = await ok<ProjectSummary>('project.create', { path: path.join(session.dir, '空县.csplan'), name: '空县' });
    expect(created.dataYear).toBeNull();
  });
});
