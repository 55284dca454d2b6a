// Coverage where nothing places the children or the schools: the figures are unknown (null, with
// the reason), never 0 — as on a real county panel without villages or school coordinates.
import { describe, expect, it } from 'vitest';
import { coverageText } from '../../../electron/cli/geo';
import type { CoverageResult } from '../../../shared/geo/api';
import { layoutMapAnnex } from '../../../shared/annex/providers/layout-map';
import type { MapDrawing } from '../../../shared/map/model';
import { coverage, type SitedSchool } from '../../../shared/geo/coverage';
import type { DemandPoint } from '../../../shared/geo/demand';
import { localProjection } from '../../../shared/geo/geometry';
import { defaultGeoSettings } from '../../../shared/geo/settings';

const proj = localProjection([113, 34]);
const settings = defaultGeoSettings();
const townships = [
  { code: 'A', name: '甲街道' },
  { code: 'B', name: '乙乡' },
];
const point = (id: string, township: 'A' | 'B', primary: number): DemandPoint => ({
  id,
  name: `${id}村`,
  township,
  townshipName: township === 'A' ? '甲街道' : '乙乡',
  urbanRural: '城区',
  position: proj.toLngLat(100, 0),
  children: { preschool: 0, primary, junior: 0 },
  basis: 'imported',
});
const school: SitedSchool = { code: 'P1', name: '一小', position: proj.toLngLat(0, 0), seats: { primary: 100 } };

describe('coverage without geography', () => {
  it('says children and coverage are unknown when no village or boundary places any child', () => {
    const r = coverage({ points: [], schools: [school], settings, townships }).primary;
    expect(r.children).toBeNull();
    expect(r.covered).toBeNull();
    expect(r.share).toBeNull();
    expect(r.unknown).toEqual(['no-villages']);
    expect(r.townships.map((t) => [t.children, t.covered, t.share])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
  });

  it('says coverage is unknown, not 0, when the stage has schools but none has a position', () => {
    const r = coverage({ points: [point('v1', 'A', 60)], schools: [], settings, townships, unsited: { primary: 3 } }).primary;
    expect(r.children).toBe(60);
    expect(r.covered).toBeNull();
    expect(r.share).toBeNull();
    expect(r.unknown).toEqual(['no-school-positions']);
    expect(r.uncovered).toEqual([]);
    expect(r.townships[0]).toMatchObject({ children: 60, covered: null, share: null });
  });

  it('gives both reasons when neither children nor schools are placed', () => {
    expect(coverage({ points: [], schools: [], settings, townships, unsited: { primary: 3 } }).primary.unknown).toEqual(['no-villages', 'no-school-positions']);
  });

  it('keeps a true 0 when the stage simply has no school, and unknown for a township without points', () => {
    const r = coverage({ points: [point('v1', 'A', 60)], schools: [], settings, townships }).primary;
    expect(r.unknown).toEqual([]);
    expect(r.covered).toBe(0);
    expect(r.share).toBe(0);
    expect(r.townships.map((t) => t.children)).toEqual([60, null]);
  });

  it('is known once children and schools are placed', () => {
    const r = coverage({ points: [point('v1', 'A', 60)], schools: [school], settings, townships, unsited: { primary: 3 } }).primary;
    expect(r).toMatchObject({ children: 60, covered: 60, share: 1, unknown: [] });
  });
});

const unplaced = (): CoverageResult => ({
  plan: null, scenario: '中', year: 2017, by: 'distance', roadFactor: settings.roadFactor, speeds: { walk: 4, bus: 30 },
  childrenBasis: 'township-spread', stages: coverage({ points: [], schools: [], settings, townships, unsited: { primary: 3, junior: 1 } }),
  villagesWithoutChildren: [], notes: [],
});

describe('map annex table without geography', () => {
  it('writes 未知 in the children and covered columns and says why in the notes', () => {
    // The drawing is only carried to the page; the table comes from the coverage alone.
    const annex = layoutMapAnnex({ panels: [{ label: '现状', year: 2017, drawing: {} as MapDrawing, coverage: unplaced() }], ringStage: '小学' }, { titlePrefix: '曼哈顿', date: '2026年11月30日' });
    const county = annex.table.rows.filter((r) => r.kind === 'subtotal');
    expect(county.map((r) => r.cells.slice(2, 5))).toEqual([
      ['未知', '未知', null],
      ['未知', '未知', null],
      ['未知', '未知', null],
    ]);
    expect(annex.notes).toContain('学前、小学、初中覆盖为“未知”：没有村（社区）数据，也没有乡镇边界。');
    expect(annex.notes).toContain('小学、初中覆盖为“未知”：学校没有位置（经纬度）。');
  });
});

describe('cli coverage text without geography', () => {
  it('prints 未知 and why, never 儿童 0 人', () => {
    const result = unplaced();
    const text = coverageText(result);
    expect(text).not.toMatch(/儿童 0 人|覆盖 0 人/);
    expect(text).toContain('儿童 未知，覆盖 未知（—）');
    expect(text).toContain('未知原因：没有村（社区）数据，也没有乡镇边界；学校没有位置（经纬度）');
  });
});
