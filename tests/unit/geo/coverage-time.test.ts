// Coverage by travel time on the hand-made county of coverage.test.ts: travel distance
// (straight line × 路网系数 1.3) ÷ walking or school-bus speed, against minutes per stage.
import { describe, expect, it } from 'vitest';
import { coverage, type SitedSchool } from '../../../shared/geo/coverage';
import type { DemandPoint } from '../../../shared/geo/demand';
import { localProjection } from '../../../shared/geo/geometry';
import type { Position } from '../../../shared/geo/model';
import { defaultGeoSettings, geoSettingsSchema, type GeoSettings } from '../../../shared/geo/settings';

const proj = localProjection([113, 34]);
const at = (x: number, y: number): Position => proj.toLngLat(x, y);
const settings = defaultGeoSettings();

function village(id: string, township: 'A' | 'B', x: number, y: number, primary: number): DemandPoint {
  const urban = township === 'A';
  return { id, name: `${id}村`, township, townshipName: urban ? '甲街道' : '乙乡', urbanRural: urban ? '城区' : '乡村', position: at(x, y), children: { preschool: 0, primary, junior: 0 }, basis: 'imported' };
}

// Travel distances: v1 390 m, v2 585 m (城区); v3 1950 m, v4 7800 m (乡村).
const points = [village('v1', 'A', 300, 0, 60), village('v2', 'A', 0, 450, 40), village('v3', 'B', 3000, 1500, 30), village('v4', 'B', 9000, 0, 20)];
const schools: SitedSchool[] = [
  { code: 'P1', name: '一小', position: at(0, 0), seats: { primary: 100 } },
  { code: 'P2', name: '二小', position: at(3000, 0), seats: { primary: 50 } },
];
const townships = [
  { code: 'A', name: '甲街道' },
  { code: 'B', name: '乙乡' },
];
const byTime = (s: GeoSettings) => coverage({ points, schools, settings: s, townships, by: 'time' }).primary;
const travel = (t: Record<string, unknown>) => geoSettingsSchema.parse({ travel: t });

describe('coverage by travel time', () => {
  it('defaults: 城区 walk 10 min for 小学 (GB 50180-2018 10 分钟生活圈), 乡村 walk 30 min, at 4 km/h', () => {
    expect(settings.travel).toMatchObject({ walkKmh: 4, busKmh: 30, urban: { primary: 10 }, rural: { primary: 30 }, ruralMode: { primary: 'walk', junior: 'bus' } });
    // 4 km/h = 66.67 m/min: v1 5.85, v2 8.78 (≤ 10); v3 29.25 (≤ 30), v4 117 min (> 30).
    const r = byTime(settings);
    expect(r.covered).toBe(130);
    expect(r.share).toBeCloseTo(130 / 150, 6);
    expect(r.townships.map((t) => [t.name, t.covered])).toEqual([['甲街道', 100], ['乙乡', 30]]);
    expect(r.uncovered.map((u) => u.villageId)).toEqual(['v4']);
    expect(r.uncovered[0]!.minutes).toBeCloseTo(117, 0);
    // (5.85×60 + 8.775×40 + 29.25×30 + 117×20) ÷ 150 = 26.13 min.
    expect(r.minutes.mean).toBeCloseTo(26.1, 0);
    expect(r.minutes.max).toBeCloseTo(117, 0);
    expect(r.travelMinutes).toEqual({ urban: 10, rural: 30, ruralMode: 'walk' });
  });

  it('by distance the same county covers 90 (v2 585 m > 500 m), and still reports minutes beside metres', () => {
    const r = coverage({ points, schools, settings, townships }).primary;
    expect(r.covered).toBe(90);
    const v2 = r.uncovered.find((u) => u.villageId === 'v2')!;
    expect(v2.distance).toBe(585);
    expect(v2.minutes).toBeCloseTo(8.8, 1);
  });

  it('a school bus for rural 小学 at 30 km/h brings v4 to 15.6 min: all covered', () => {
    const r = byTime(travel({ ruralMode: { primary: 'bus' } }));
    expect(r.covered).toBe(150);
    expect(r.minutes.max).toBeCloseTo(15.6, 1); // v4: 7800 m ÷ 500 m/min; v2 walks 8.78 min
  });

  it('a slower walk (3 km/h = 50 m/min) leaves v2 (11.7 min > 10) and v3 (39 min > 30) out', () => {
    const r = byTime(travel({ walkKmh: 3 }));
    expect(r.covered).toBe(60);
    expect(r.uncovered.map((u) => [u.villageId, Math.round(u.minutes!)])).toEqual([['v4', 156], ['v3', 39], ['v2', 12]]);
  });

  it('refuses impossible settings in Chinese', () => {
    expect(() => travel({ walkKmh: 0 })).toThrow(/速度不小于 1 km\/h/);
    expect(() => travel({ urban: { primary: 0 } })).toThrow(/时间阈值不小于 1 分钟/);
  });
});
