// Every number column of every annex that has an entry in the number registry prints that
// entry's definition, formula and standard in the annex notes: the same text the pages show
// on hover. Built the way the app builds them, on the sample county with a plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { openProjectFile, type ProjectFile } from '../../electron/backend/db/project-file';
import { buildAnnexes } from '../../electron/backend/annex/service';
import { ANNEX_SOURCES, AnnexScope } from '../../electron/backend/annex/sources';
import { ANNEX_KINDS, explainedKeys, type Annex, type AnnexKind } from '../../shared/annex';
import { NUMBER_HELP, numberNote } from '../../shared/explain/numbers';
import type { PlanDetail } from '../../shared/plan';
import { openSampleCounty, resultOf } from '../helpers/backend';

let backend: Backend;
let file: ProjectFile;
const built = new Map<AnnexKind, Annex>();

beforeAll(async () => {
  const sample = await openSampleCounty('csp-annex-number-notes-');
  backend = sample.backend;
  const plan = await resultOf<PlanDetail>(backend.dispatch('plan.create', { name: '说明' }));
  // The file is locked while the backend has it open; the annexes are built on it afterwards.
  backend.close();
  file = await openProjectFile(sample.projectPath);
  const choice = { plan: plan.id, scenario: '中' };
  for (const kind of ANNEX_KINDS) {
    if (!ANNEX_SOURCES[kind].availability(new AnnexScope(file, choice)).available) continue;
    const [annex] = buildAnnexes(file, { ...choice, annexes: [{ kind, intervals: true }] });
    if (annex) built.set(kind, annex);
  }
}, 120_000);
afterAll(() => file?.db.close());

describe('annex notes generated from the number registry', () => {
  it('covers the annexes whose columns carry numbers the pages explain', () => {
    const explained = [...built.values()].filter((a) => explainedKeys(a).length > 0).map((a) => a.kind);
    expect(explained).toEqual(
      expect.arrayContaining(['indicators', 'forecast', 'seat-balance', 'projects', 'schools', 'demand-chart', 'teachers', 'planned-schools', 'completed-projects']),
    );
  });

  it('prints the definition, formula and standard of every explained column', () => {
    for (const annex of built.values()) {
      const notes = annex.notes.join('\n');
      for (const key of explainedKeys(annex)) {
        const h = NUMBER_HELP[key];
        expect(notes, `${annex.kind} ${key}`).toContain(h.definition.replace(/。$/, ''));
        expect(notes, `${annex.kind} ${key}`).toContain(h.formula.replace(/。$/, ''));
        if (h.standard) expect(notes, `${annex.kind} ${key}`).toContain(h.standard);
      }
    }
  });

  it('prints each explanation once, replacing a provider’s short note on the same number', () => {
    const forecast = built.get('forecast');
    expect(forecast).toBeDefined();
    const notes = forecast?.notes ?? [];
    expect(notes).not.toContain(numberNote('forecast.county'));
    expect(notes.filter((n) => n.startsWith(`${NUMBER_HELP['forecast.county'].title}：`))).toHaveLength(1);
    for (const annex of built.values()) expect(new Set(annex.notes).size, annex.kind).toBe(annex.notes.length);
  });

  it('says where the figures come from, and that unknown is not zero where a page says so', () => {
    const projects = built.get('projects')?.notes.join('') ?? '';
    expect(projects).toContain('数据来源：假定值，规划中录入或采纳的项目。');
    expect(projects).toContain('并非按 0 计');
  });
});
