// Names on the 布局图 never overprint each other: township names always drawn, school names
// moved around their symbol or left out when every place is taken.
import { describe, expect, it } from 'vitest';
import { drawMap, MAP_LAYERS, type MapDrawing, type MapLayer, type SceneText } from '../../shared/map';
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
});
