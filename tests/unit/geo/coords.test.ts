// Coordinates as school tables give them: text forms, datum conversions (GCJ-02, BD-09 round
// trips), Gauss-Krüger zones against proj4's own result, and the recognised mistakes.
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { epsgFromEasting, farFromCounty, fromWgs84, gaussKrugerDefinition, parseDegrees, parsePair, readCoordinate, toWgs84 } from '../../../shared/geo/coords';
import { haversine } from '../../../shared/geo/geometry';
import type { Position } from '../../../shared/geo/model';

describe('text forms', () => {
  it('reads decimal and 度分秒 degrees', () => {
    expect(parseDegrees('28.23')).toBe(28.23);
    expect(parseDegrees(112.93)).toBe(112.93);
    expect(parseDegrees('28°13′48″')).toBeCloseTo(28.23, 10);
    expect(parseDegrees('28度13分48秒')).toBeCloseTo(28.23, 10);
    expect(parseDegrees(`N28°13'48"`)).toBeCloseTo(28.23, 10);
    expect(parseDegrees('112°55′48″E')).toBeCloseTo(112.93, 10);
    expect(parseDegrees('28°61′')).toBeNull();
    expect(parseDegrees('NaN')).toBeNull();
    expect(parseDegrees(Infinity)).toBeNull();
    expect(parseDegrees('东边')).toBeNull();
  });

  it('reads a pair in one cell', () => {
    expect(parsePair('112.93,28.23')).toEqual([112.93, 28.23]);
    expect(parsePair('112.93，28.23')).toEqual([112.93, 28.23]);
    expect(parsePair('112.93 28.23')).toEqual([112.93, 28.23]);
    expect(parsePair('112.93')).toBeNull();
  });
});

describe('GCJ-02 and BD-09', () => {
  // Tian'anmen Square, WGS-84 (OpenStreetMap).
  const wgs: Position = [116.3913, 39.9055];

  it('round-trips within 1 m', () => {
    for (const system of ['gcj02', 'bd09'] as const) {
      const there = fromWgs84(wgs, system);
      const back = toWgs84(there, system);
      expect(haversine(back, wgs)).toBeLessThan(1);
    }
  });

  it('moves a Beijing point by the published few hundred metres', () => {
    // GCJ-02 shifts Beijing about 0.006° east and 0.0013° north (≈ 550 m); BD-09 about 1 km further.
    const gcj = fromWgs84(wgs, 'gcj02');
    expect(gcj[0] - wgs[0]).toBeGreaterThan(0.005);
    expect(gcj[0] - wgs[0]).toBeLessThan(0.007);
    expect(gcj[1] - wgs[1]).toBeGreaterThan(0.0008);
    expect(gcj[1] - wgs[1]).toBeLessThan(0.0020);
    const d = haversine(fromWgs84(wgs, 'bd09'), wgs);
    expect(d).toBeGreaterThan(900);
    expect(d).toBeLessThan(1600);
  });

  it('converts the chosen system on import and says so', () => {
    const r = readCoordinate(...(fromWgs84([113.6, 34.7], 'bd09') as [number, number]), { system: 'bd09' });
    expect(haversine(r.position!, [113.6, 34.7])).toBeLessThan(1);
    expect(r.issues.map((i) => i.code)).toEqual(['COORDINATE_CONVERTED']);
  });
});

describe('Gauss-Krüger', () => {
  // EPSG:4526 (CGCS2000 / 3-degree Gauss-Kruger zone 38) as epsg.io gives it for proj4.
  const EPSG4526 = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';

  it('matches proj4 with the published definition', () => {
    const e = 38_467_123.4;
    const n = 3_843_210.9;
    const expected = proj4(EPSG4526, 'WGS84', [e, n]) as [number, number];
    const r = readCoordinate(e, n, { system: 'projected', epsg: 4526 });
    expect(haversine(r.position!, expected)).toBeLessThan(0.05);
    expect(gaussKrugerDefinition(4526)!.label).toContain('第 38 带');
  });

  it('reads the zone from the easting and the northing-first order of Chinese tables', () => {
    const [e, n] = proj4('WGS84', EPSG4526, [113.6, 34.7]) as [number, number];
    expect(epsgFromEasting(e)).toBe(4526);
    const r = readCoordinate(n, e, { system: 'projected' });
    expect(haversine(r.position!, [113.6, 34.7])).toBeLessThan(0.1);
    expect(r.issues.map((i) => i.code)).toEqual(['NORTHING_FIRST']);
  });

  it('refuses projected values taken for degrees, naming the zone', () => {
    const r = readCoordinate(38_467_123.4, 3_843_210.9);
    expect(r.position).toBeNull();
    expect(r.issues[0]!.code).toBe('PROJECTED_AS_DEGREES');
    expect(r.issues[0]!.message).toContain('EPSG:4526');
  });

  it('refuses a projection without zone or code', () => {
    const r = readCoordinate(467_123.4, 3_843_210.9, { system: 'projected' });
    expect(r.position).toBeNull();
    expect(r.issues[0]!.code).toBe('UNKNOWN_PROJECTION');
  });
});

describe('mistakes', () => {
  it('swaps latitude and longitude given the wrong way round, with a warning', () => {
    const r = readCoordinate(28.23, 112.93);
    expect(r.position).toEqual([112.93, 28.23]);
    expect(r.issues[0]!.code).toBe('SWAPPED_COORDINATE');
  });

  it('refuses points outside China', () => {
    expect(readCoordinate(2.35, 48.85).issues[0]!.code).toBe('BAD_COORDINATE');
    expect(readCoordinate(Number.NaN, 30).issues[0]!.code).toBe('BAD_COORDINATE');
  });

  it('flags a point far from the rest of the county', () => {
    const county: Position[] = [[113.5, 34.5], [113.6, 34.6], [113.55, 34.55], [113.7, 34.4]];
    expect(farFromCounty([113.58, 34.52], county)).toBeNull();
    expect(farFromCounty([116.4, 39.9], county)!.code).toBe('FAR_FROM_COUNTY');
  });
});
