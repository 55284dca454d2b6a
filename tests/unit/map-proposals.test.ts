// The optimiser's proposals over the 布局图: a new site becomes a planned school, a closure is
// crossed out with arrows to its receivers (a proposed new school among them), an expansion
// is ringed, and the scene draws and hit-tests them.
import { describe, expect, it } from 'vitest';
import { drawMap, emptyDrawing, proposedId, withProposals, type MapDrawing, type MapSchool } from '../../shared/map';
import type { OptimisedProject } from '../../shared/optimise/result';

const school = (id: string, at: [number, number]): MapSchool => ({ id, name: id, kind: 'primary', at, students: 100, level: 'green', mark: 'existing' });

function proposal(over: Partial<OptimisedProject>): OptimisedProject {
  return { type: '新建', school: null, schoolName: 'X', site: null, position: null, stage: 'primary', year: 2027, seats: 0, classes: 0, cost: 0, receivers: [], reason: '', project: null, pending: null, land: null, ...over };
}

describe('withProposals', () => {
  const drawing: MapDrawing = { ...emptyDrawing(), schools: [school('A', [117, 30]), school('B', [117.05, 30]), school('C', [117.1, 30.05])] };
  const projects = [
    proposal({ type: '新建', site: 'V1', schoolName: '甲村教学点', position: [117.2, 30.1], project: { type: '新建', name: '甲村教学点', kind: 'teaching_point' } as OptimisedProject['project'] }),
    proposal({ type: '撤并', school: 'A', schoolName: 'A', receivers: [{ school: 'B', name: 'B', share: 0.6, km: 3 }, { school: 'V1', name: '甲村教学点', share: 0.4, km: 5 }] }),
    proposal({ type: '改扩建', school: 'C', schoolName: 'C', seats: 900 }),
  ];

  it('adds the new site, crosses out the closed school, rings the expanded one and draws the arrows', () => {
    const out = withProposals(drawing, projects);
    expect(out.schools.map((s) => [s.id, s.kind, s.mark])).toEqual([
      ['A', 'primary', 'closed'],
      ['B', 'primary', 'existing'],
      ['C', 'primary', 'expanded'],
      [proposedId('V1'), 'teaching_point', 'new'],
    ]);
    expect(out.transfers).toEqual([
      { from: 'A', to: 'B' },
      { from: 'A', to: proposedId('V1') },
    ]);
    expect(drawing.schools.every((s) => s.mark === 'existing')).toBe(true);
  });

  it('is drawn with the projects layer: the new site can be clicked and the legend names each mark', () => {
    const out = withProposals(drawing, projects);
    const scene = drawMap(out, { width: 400, height: 300, zoom: 1, panX: 0, panY: 0 }, { layers: new Set(['schools', 'projects', 'labels']), furniture: true });
    expect(scene.hits.map((h) => h.id)).toContain(proposedId('V1'));
    const texts = scene.items.flatMap((i) => (i.type === 'text' ? [i.text] : []));
    expect(texts).toEqual(expect.arrayContaining(['规划新建学校', '规划撤并学校', '拟改扩建学校', '撤并学生流向', '甲村教学点']));
  });
});
