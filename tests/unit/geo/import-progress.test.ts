// The geography import's progress: the converting and crossing passes and the thinning report
// fractions that grow to the end, problems keep file order across the two passes, and the
// text the dialog and the CLI show has the stage, the percentage and (past 5 %) an estimate.
import { describe, expect, it } from 'vitest';
import { parseFeatures } from '../../../shared/geo/features';
import { geoProgressText, overallFraction, type GeoStageProgress } from '../../../shared/geo/import-progress';
import type { Position } from '../../../shared/geo/model';
import { thinLayer } from '../../../shared/geo/simplify';

/** A circle of `n` vertices round (x0, y0), closed, in lng/lat. */
function circle(n: number, x0: number, y0: number): Position[] {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) ring.push([x0 + 0.05 * Math.cos((2 * Math.PI * i) / n), y0 + 0.05 * Math.sin((2 * Math.PI * i) / n)]);
  ring.push(ring[0]!);
  return ring;
}

const polygon = (name: string, ring: Position[]) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [ring] } });

describe('parseFeatures progress', () => {
  it('reports converting, then crossings, by positions, growing to the end', () => {
    const features = [0, 1, 2, 3].map((i) => polygon(`乡${i}`, circle(100_000, 113 + i * 0.2, 28)));
    const heard: GeoStageProgress[] = [];
    const parsed = parseFeatures({ type: 'FeatureCollection', features }, 'a.geojson', undefined, (p) => heard.push({ ...p }));
    expect(parsed.problems).toEqual([]);
    expect(heard.map((p) => p.stage).filter((s, i, all) => all[i - 1] !== s)).toEqual(['coordinates', 'rings']);
    for (const stage of ['coordinates', 'rings'] as const) {
      const fractions = heard.filter((p) => p.stage === stage).map((p) => p.fraction!);
      expect(fractions[0]).toBe(0);
      // 400 004 positions: converting reports every 65 536 (six on the way), crossings after each ring of 100 001.
      expect(fractions.length).toBe(stage === 'coordinates' ? 7 : 5);
      for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThan(fractions[i - 1]!);
      expect(fractions[fractions.length - 1]).toBeGreaterThan(0.9);
      expect(fractions[fractions.length - 1]).toBeLessThanOrEqual(1);
    }
  });

  it('lists a crossing found in the second pass in file order among the first pass’s problems', () => {
    const bow: Position[] = [[113, 28], [113.1, 28.1], [113.1, 28], [113, 28.1], [113, 28]];
    const features = [polygon('坏坐标', [[113, 28], [Number.NaN, 28], [113.1, 28.1], [113, 28]]), polygon('交叉', bow), polygon('好', circle(50, 113.5, 28)), { type: 'Feature', properties: { name: '无几何' }, geometry: null }];
    const parsed = parseFeatures({ type: 'FeatureCollection', features }, 'b.geojson');
    expect(parsed.problems.map((p) => p.feature)).toEqual([1, 2, 4]);
    expect(parsed.problems[1]!.message).toBe('b.geojson 第 2 个要素（交叉）：多边形自相交（边界线交叉），请在 GIS 软件中修复（如“修复几何”）后再导入。');
    expect(parsed.features.map((f) => f.index)).toEqual([3]);
  });
});

describe('thinLayer progress', () => {
  it('reports the importances up to nine tenths, then the thinning', () => {
    const geometries = [0, 1].map((i) => ({ type: 'MultiPolygon' as const, coordinates: [[circle(150_000, 113 + i * 0.2, 28)]] }));
    const heard: number[] = [];
    expect(thinLayer(geometries, (f) => heard.push(f))).not.toBeNull();
    expect(heard[0]).toBe(0);
    expect(heard[heard.length - 1]).toBe(0.9);
    expect(heard.length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < heard.length; i++) expect(heard[i]).toBeGreaterThan(heard[i - 1]!);
  });
});

describe('the progress text', () => {
  it('adds up the stages before and the share of this one', () => {
    expect(overallFraction({ stage: 'reading', fraction: null })).toBe(0);
    expect(overallFraction({ stage: 'coordinates', fraction: 0 })).toBeCloseTo(0.14);
    expect(overallFraction({ stage: 'rings', fraction: 0.5 })).toBeCloseTo(0.14 + 0.46 + 0.15);
    expect(overallFraction({ stage: 'writing', fraction: null })).toBeCloseTo(0.97);
    expect(overallFraction({ stage: 'thinning', fraction: 7 })).toBeCloseTo(0.96);
  });

  it('names the stage and the percentage, with an estimate once a twentieth is done', () => {
    expect(geoProgressText({ stage: 'rings', fraction: 0.5, overall: 0.75, elapsedMs: 3000 })).toBe('检查边界线是否交叉 75%，预计还需约 1 秒');
    expect(geoProgressText({ stage: 'reading', fraction: 0.2, overall: 0.028, elapsedMs: 3000 })).toBe('读取文件 2%');
    expect(geoProgressText({ stage: 'writing', fraction: null, overall: 0.97, elapsedMs: 9700 })).toBe('写入项目（一次完成，不能取消） 97%，预计还需约 1 秒');
  });
});
