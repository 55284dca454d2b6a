// The layout map's one drawing function: what it draws for each layer, rings and the scale
// bar in true metres, culling when zoomed in, and text escaped.
import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { drawingBounds, drawMap, emptyDrawing, hitAt, hitsInBox, MAP_LAYERS, mapProjection, renderMapFurniture, renderMapSvg, scaleBarLength, type MapDrawing, type MapLayer } from '../../shared/map';
import { syntheticDrawing } from '../helpers/map-drawing';

const ALL = new Set<MapLayer>(MAP_LAYERS);
const VIEW = { width: 800, height: 600, zoom: 1, panX: 0, panY: 0 };
const count = (svg: string, needle: string) => svg.split(needle).length - 1;

function small(): MapDrawing {
  return {
    county: { code: '1', name: '县', geometry: { type: 'Polygon', coordinates: [[[112.9, 28.2], [113.0, 28.2], [113.0, 28.3], [112.9, 28.3], [112.9, 28.2]]] } },
    townships: [
      // Counter-clockwise (RFC 7946) and clockwise rings: both must come out as the square itself.
      { code: '11', name: '东镇', geometry: { type: 'Polygon', coordinates: [[[112.95, 28.2], [113.0, 28.2], [113.0, 28.3], [112.95, 28.3], [112.95, 28.2]]] } },
      { code: '12', name: '西镇<乡>', geometry: { type: 'Polygon', coordinates: [[[112.9, 28.2], [112.9, 28.3], [112.95, 28.3], [112.95, 28.2], [112.9, 28.2]]] } },
    ],
    villages: [
      { id: 'a', name: '甲村', at: [112.91, 28.21], children: 30 },
      { id: 'b', name: '乙村', at: [112.99, 28.29], children: null },
    ],
    schools: [
      { id: '4301', name: '东小学', kind: 'primary', at: [112.97, 28.25], students: 900, level: 'red', mark: 'existing' },
      { id: '4302', name: '西小学 & 附属', kind: 'primary', at: [112.92, 28.25], students: 100, level: 'blue', mark: 'closed' },
      { id: 'new:5', name: '新城小学', kind: 'primary', at: [112.96, 28.22], students: null, level: 'none', mark: 'new' },
    ],
    rings: [{ school: '4301', stage: 'primary', radiusM: 1000 }],
    catchments: [{ village: 'a', school: '4302' }],
    transfers: [{ from: '4302', to: '4301' }],
    groups: [{ group: '东区集团', core: '4301', member: 'new:5' }],
  };
}

describe('renderMapSvg', () => {
  it('draws every layer of a small county, with text escaped', () => {
    const { svg, drawn } = renderMapSvg(small(), VIEW, { layers: ALL, furniture: true });
    expect(drawn).toEqual({ schools: 3, villages: 2 });
    expect(count(svg, 'data-township=')).toBe(2);
    expect(count(svg, 'data-county=')).toBe(1);
    expect(count(svg, 'data-ring=')).toBe(1);
    expect(count(svg, 'data-transfer=')).toBe(1);
    expect(svg).toContain('西镇&lt;乡&gt;');
    expect(svg).toContain('西小学 &amp; 附属');
    expect(svg).not.toContain('西镇<乡>');
    // A village with unknown children is drawn hollow, never as the lightest class.
    expect(svg).toMatch(/data-village="b"[^>]*fill="none"/);
    for (const f of ['legend', 'scale', 'north']) expect(svg).toContain(`data-layer="${f}"`);
    expect(svg).toContain('规划新建学校');
    expect(svg).toContain('规划撤并学校');
    expect(count(svg, 'data-layer="groups"')).toBe(1);
    expect(svg).toContain('学校集团（核心校到成员校）');
    expect(svg).toContain('学位不足（利用率>100%）'.replace('>', '&gt;'));
  });

  it('keeps each township inside the viewport whatever the winding of its ring', () => {
    const { svg } = renderMapSvg(small(), VIEW, { layers: new Set(['townships']), furniture: false });
    const numbers = [...svg.matchAll(/d="([^"]+)" data-township="\d+"/g)].flatMap((m) => (m[1] ?? '').match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(numbers.length).toBeGreaterThan(8);
    for (const n of numbers) {
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(800);
    }
  });

  it('leaves out the layers switched off', () => {
    const { svg } = renderMapSvg(small(), VIEW, { layers: new Set(['schools']), furniture: false });
    expect(svg).not.toContain('data-township=');
    expect(svg).not.toContain('data-village=');
    expect(svg).not.toContain('data-ring=');
    expect(svg).not.toContain('data-layer="legend"');
    // Without the projects layer the planned school is not drawn; the closed one still is.
    expect(svg).not.toContain('data-school="new:5"');
    expect(svg).toContain('data-school="4302"');
  });

  it('draws a 1 km ring with the radius of 1 km on the map', () => {
    const drawing = small();
    const proj = mapProjection(drawingBounds(drawing) ?? [0, 0, 0, 0], VIEW);
    const { svg } = renderMapSvg(drawing, VIEW, { layers: ALL, furniture: false });
    const r = Number(/ r="([\d.]+)" data-ring="4301"/.exec(svg)?.[1]);
    const centre = proj.point([112.97, 28.25]);
    const edge = proj.invert((centre?.[0] ?? 0) + r, centre?.[1] ?? 0);
    expect(edge).not.toBeNull();
    const metres = geoDistance([112.97, 28.25], [edge?.[0] ?? 0, edge?.[1] ?? 0]) * 6_371_008.8;
    expect(metres).toBeGreaterThan(990);
    expect(metres).toBeLessThan(1010);
  });

  it('picks a round scale-bar length of about a fifth of the width', () => {
    expect(scaleBarLength(10, 800)).toBe(1000);
    expect(scaleBarLength(50, 800)).toBe(5000);
    expect(scaleBarLength(100, 1000)).toBe(20_000);
  });

  it('culls what lies outside the view when zoomed in, and names schools from the label zoom on', () => {
    const drawing = syntheticDrawing({ side: 6, schools: 600, villages: 5000 });
    const whole = renderMapSvg(drawing, VIEW, { layers: ALL, furniture: false });
    expect(whole.drawn).toEqual({ schools: 600, villages: 5000 });
    expect(whole.svg).not.toMatch(/<text[^>]*>学校\d+</);
    const zoomed = renderMapSvg(drawing, { ...VIEW, zoom: 4, panX: -1200, panY: -900 }, { layers: ALL, furniture: false });
    expect(zoomed.drawn.villages).toBeGreaterThan(0);
    expect(zoomed.drawn.villages).toBeLessThan(1000);
    expect(zoomed.metresPerPx).toBeCloseTo(whole.metresPerPx / 4, 0);
    expect(zoomed.svg).toMatch(/<text[^>]*>学校\d+</);
  });

  it('draws an empty white map for a project without geography', () => {
    const { svg, drawn } = renderMapSvg(emptyDrawing(), VIEW, { layers: ALL, furniture: true });
    expect(drawn).toEqual({ schools: 0, villages: 0 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(renderMapFurniture(small(), VIEW, { layers: ALL, furniture: true }, 20)).toContain('data-layer="scale"');
  });

  it('finds the school under a click before the village under it', () => {
    const drawing = small();
    drawing.villages.push({ id: 'c', name: '丙村', at: [112.97, 28.25], children: 10 });
    const scene = drawMap(drawing, VIEW, { layers: ALL, furniture: false });
    const school = scene.projection?.point([112.97, 28.25]);
    expect(hitAt(scene, (school?.[0] ?? 0) + 1, school?.[1] ?? 0)).toMatchObject({ kind: 'school', id: '4301' });
    const village = scene.projection?.point([112.91, 28.21]);
    expect(hitAt(scene, village?.[0] ?? 0, village?.[1] ?? 0)).toMatchObject({ kind: 'village', id: 'a' });
    expect(hitAt(scene, 1, 1)).toBeNull();
  });

  it('finds the villages inside a dragged box, whichever corner the drag started from', () => {
    const drawing = small();
    drawing.villages.push({ id: 'c', name: '丙村', at: [112.97, 28.25], children: 10 });
    const scene = drawMap(drawing, VIEW, { layers: ALL, furniture: false });
    const pa = scene.projection!.point([112.91, 28.21])!;
    const pc = scene.projection!.point([112.97, 28.25])!;
    // A box just around 甲村 and 丙村 (a school sits on 丙村: schools are not villages).
    const lo: [number, number] = [Math.min(pa[0], pc[0]) - 2, Math.min(pa[1], pc[1]) - 2];
    const hi: [number, number] = [Math.max(pa[0], pc[0]) + 2, Math.max(pa[1], pc[1]) + 2];
    expect(hitsInBox(scene, 'village', lo, hi).sort()).toEqual(['a', 'c']);
    expect(hitsInBox(scene, 'village', hi, lo).sort()).toEqual(['a', 'c']);
    expect(hitsInBox(scene, 'village', [pa[0] - 1, pa[1] - 1], [pa[0] + 1, pa[1] + 1])).toEqual(['a']);
    expect(hitsInBox(scene, 'school', [pc[0] - 1, pc[1] - 1], [pc[0] + 1, pc[1] + 1])).toEqual(['4301']);
    expect(hitsInBox(scene, 'village', [0, 0], [1, 1])).toEqual([]);
  });
});
