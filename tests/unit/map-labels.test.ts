// Names on the 布局图 never overprint each other: township names always drawn, school names
// moved around their symbol or left out when every place is taken.
import { describe, expect, it } from 'vitest';
import { drawMap, MAP_LAYERS, type MapDrawing, type MapLayer, type SceneText } from '../../shared/map';
import { furnitureBoxes } from '../../shared/map/scene';
import { placeLabels, textBox } from '../../shared/map/labels';
import { syntheticDrawing } from '../helpers/map-drawing';

const ALL = new Set<MapLayer>(MAP_LAYERS);

function labelsOf(drawing: MapDrawing, zoom: number): SceneText[] {
  const scene = drawMap(drawing, { width: 800, height: 600, zoom, panX: zoom > 1 ? -800 : 0, panY: zoom > 1 ? -600 : 0 }, { layers: ALL, furniture: false });
  return scene.items.filter((i): i is SceneText => i.type === 'text' && i.group === 'labels');
}

function overlapping(labels: readonly SceneText[]): [string, string][] {
  const boxes = labels.map((l) => textBox(l.text, l.size, l));
  const out: [string, string][] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b, j) => {
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) out.push([labels[i]?.text ?? '', labels[i + 1 + j]?.text ?? '']);
    }),
  );
  return out;
}

describe('map labels', () => {
  it('draws no two names over each other on a crowded county zoomed in, and every township name', () => {
    const drawing = syntheticDrawing({ side: 6, schools: 600, villages: 500 });
    const labels = labelsOf(drawing, 3);
    const schoolNames = labels.filter((l) => l.size === 11);
    expect(schoolNames.length).toBeGreaterThan(20);
    expect(overlapping(labels)).toEqual([]);
    const whole = labelsOf(drawing, 1);
    expect(whole.map((l) => l.text).sort()).toEqual(drawing.townships.map((t) => t.name).sort());
  });

  it('moves a name to the free side of its symbol, and leaves out one with no free place', () => {
    const at = { x: 100, y: 100, anchor: 'start' as const };
    const left = { x: 90, y: 100, anchor: 'end' as const };
    const placed = placeLabels(
      [
        { group: 'labels', text: '城关镇', size: 13, color: '#000', places: [at], required: true },
        { group: 'labels', text: '城关小学', size: 11, color: '#000', places: [at, left], required: false },
        { group: 'labels', text: '城关中学', size: 11, color: '#000', places: [at, left], required: false },
      ],
      [],
    );
    expect(placed.map((l) => [l.text, l.anchor])).toEqual([
      ['城关镇', 'start'],
      ['城关小学', 'end'],
    ]);
  });

  it('keeps every name out of the legend, the scale bar and the north arrow, on the page (furniture on its own canvas) and in print', () => {
    const drawing = syntheticDrawing({ side: 6, schools: 600, villages: 500 });
    for (const [zoom, furniture] of [[1, false], [3, false], [3, true]] as const) {
      const view = { width: 800, height: 600, zoom, panX: zoom > 1 ? -800 : 0, panY: zoom > 1 ? -600 : 0 };
      const scene = drawMap(drawing, view, { layers: ALL, furniture });
      const labels = scene.items.filter((i): i is SceneText => i.type === 'text' && i.group === 'labels');
      const boxes = furnitureBoxes(drawing, view, ALL, scene.metresPerPx);
      expect(boxes).toHaveLength(3);
      const under = labels.filter((l) => {
        const b = textBox(l.text, l.size, l);
        return boxes.some((f) => b[0] < f[2] && f[0] < b[2] && b[1] < f[3] && f[1] < b[3]);
      });
      expect(under.map((l) => l.text), `zoom ${zoom}`).toEqual([]);
      if (zoom === 1) expect(labels.map((l) => l.text).sort()).toEqual(drawing.townships.map((t) => t.name).sort());
      if (furniture) {
        // The legend drawn is the box the names kept out of.
        const frame = scene.items.find((i) => i.type === 'path' && i.group === 'legend');
        const legend = boxes[2] ?? [0, 0, 0, 0];
        expect(frame?.type === 'path' ? frame.d : '').toBe(`M${legend[0] + 2},${legend[1] + 2}h196v${legend[3] - legend[1] - 4}h-196Z`);
      }
    }
  });

  it('moves a township name out from under the legend, beside it', () => {
    const legend = [300, 200, 500, 400] as const;
    const placed = placeLabels([{ group: 'labels', text: '城关镇', size: 13, color: '#000', places: [{ x: 380, y: 300, anchor: 'middle' }], required: true }], [], [legend]);
    const box = textBox('城关镇', 13, placed[0] ?? { x: 0, y: 0, anchor: 'middle' });
    expect(box[2]).toBeLessThanOrEqual(legend[0]);
    expect(placed[0]?.y).toBe(300);
    // A school name with no free place outside it is left out rather than hidden under it.
    expect(placeLabels([{ group: 'labels', text: '城关小学', size: 11, color: '#000', places: [{ x: 380, y: 300, anchor: 'start' }], required: false }], [], [legend])).toEqual([]);
  });
});
