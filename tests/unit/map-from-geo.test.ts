// The geography API's map as the drawing's input: stage filter, planned and closed schools,
// closure arrows from the year the closure takes effect, rings per stage taught.
import { describe, expect, it } from 'vitest';
import type { GeoMap, MapSchool } from '../../shared/geo/api';
import { drawingFromGeo } from '../../shared/map';

function school(code: string, over: Partial<MapSchool>): MapSchool {
  return {
    code,
    name: `学校${code}`,
    kind: 'primary',
    stages: ['primary'],
    township: '1',
    position: [113, 34],
    students: 300,
    seats: 400,
    utilisation: 0.75,
    level: 'green',
    isNew: false,
    open: true,
    serviceDistance: { primary: 2500 },
    ...over,
  };
}

function geoMap(year: number): GeoMap {
  return {
    plan: { id: 1, name: '十五五' },
    scenario: '中',
    year,
    years: [2025, 2026, 2027, 2028, 2029, 2030],
    settings: {} as GeoMap['settings'],
    sources: { roadFactor: '', urban: '', rural: '' },
    bbox: [112.9, 33.9, 113.1, 34.1],
    outline: null,
    townships: [{ code: '1', name: '城关镇', urbanRural: '城区', area: '城区片区', boundary: null }],
    villages: [
      {
        id: 'v1', name: '甲村', code: null, townshipId: '1', geometry: { type: 'Point', coordinates: [113.01, 34.01] }, point: [113.01, 34.01],
        population: 1000, children: null, source: '示例数据', childrenByStage: { preschool: 10, primary: 40, junior: 20 }, childrenBasis: 'estimated',
      },
    ],
    layers: [],
    schools: [
      school('A', {}),
      school('B', { open: year < 2027 }),
      school('new:7', { isNew: true, open: year >= 2028, students: 0 }),
      school('J', { kind: 'junior', stages: ['junior'], serviceDistance: { junior: 5000 } }),
      school('X', { position: null }),
    ],
    projects: [
      { id: 8, type: '撤并', name: '撤并B', school: 'B', township: null, completionYear: 2027, site: null, receivers: [{ school: 'A', share: 1 }] },
    ],
    catchments: [{ stage: 'primary', village: 'v1', school: 'A', manual: false, distance: 1200 }],
    groups: [{ name: '城关教育集团', core: 'A', members: ['B', 'J', 'X'] }],
    notes: [],
  };
}

describe('drawingFromGeo', () => {
  it('links each group member to its core school, where both are drawn for the stage', () => {
    // X has no location; J teaches no primary stage.
    expect(drawingFromGeo(geoMap(2025), 'primary').groups).toEqual([{ group: '城关教育集团', core: 'A', member: 'B' }]);
    expect(drawingFromGeo(geoMap(2025), 'all').groups?.map((g) => g.member)).toEqual(['B', 'J']);
  });

  it('draws one stage: its located schools, its children and its rings', () => {
    const d = drawingFromGeo(geoMap(2025), 'primary');
    expect(d.schools.map((s) => s.id)).toEqual(['A', 'B', 'new:7']);
    expect(d.villages[0]?.children).toBe(40);
    expect(d.rings.map((r) => [r.school, r.radiusM])).toEqual([['A', 2500], ['B', 2500], ['new:7', 2500]]);
    expect(d.catchments).toEqual([{ village: 'v1', school: 'A' }]);
    expect(d.schools.find((s) => s.id === 'new:7')?.mark).toBe('new');
  });

  it('replays the plan: a closure is drawn crossed, with its arrow, from its year on', () => {
    const before = drawingFromGeo(geoMap(2026), 'primary');
    expect(before.transfers).toEqual([]);
    expect(before.schools.find((s) => s.id === 'B')?.mark).toBe('existing');
    const after = drawingFromGeo(geoMap(2028), 'primary');
    expect(after.transfers).toEqual([{ from: 'B', to: 'A' }]);
    expect(after.schools.find((s) => s.id === 'B')?.mark).toBe('closed');
    // A closed school has no service-distance ring.
    expect(after.rings.some((r) => r.school === 'B')).toBe(false);
  });

  it('draws every coverage stage together, children summed', () => {
    const d = drawingFromGeo(geoMap(2025), 'all');
    expect(d.schools.map((s) => s.id)).toContain('J');
    expect(d.villages[0]?.children).toBe(70);
    expect(d.rings.find((r) => r.school === 'J')).toEqual({ school: 'J', stage: 'junior', radiusM: 5000 });
  });
});
