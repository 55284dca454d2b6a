// A made-up county for the map's tests and bench: a grid of square townships near Changsha's
// longitude and latitude, schools and villages placed by a seeded generator (the same every run).
import type { MapArea, MapDrawing, MapSchool, MapVillage } from '../../shared/map';
import type { SchoolKind } from '../../shared/domain';
import type { Level } from '../../shared/plan';

/** Degrees of each township's side (about 5.5 km north-south). */
const CELL = 0.05;
const ORIGIN: [number, number] = [112.5, 28.0];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function square(x0: number, y0: number, side: number): MapArea['geometry'] {
  return { type: 'Polygon', coordinates: [[[x0, y0], [x0 + side, y0], [x0 + side, y0 + side], [x0, y0 + side], [x0, y0]]] };
}

const KINDS: SchoolKind[] = ['primary', 'primary', 'kindergarten', 'junior', 'nine_year', 'teaching_point', 'senior'];
const LEVELS: Level[] = ['red', 'orange', 'green', 'blue', 'none'];

export function syntheticDrawing(options: { side: number; schools: number; villages: number; seed?: number }): MapDrawing {
  const random = seeded(options.seed ?? 7);
  const townships: MapArea[] = [];
  for (let i = 0; i < options.side; i++) {
    for (let j = 0; j < options.side; j++) {
      townships.push({ code: String(100 + i * options.side + j), name: `第${i * options.side + j + 1}镇`, geometry: square(ORIGIN[0] + i * CELL, ORIGIN[1] + j * CELL, CELL) });
    }
  }
  const span = options.side * CELL;
  const at = (): [number, number] => [ORIGIN[0] + random() * span, ORIGIN[1] + random() * span];
  const schools: MapSchool[] = Array.from({ length: options.schools }, (_v, i) => ({
    id: String(4300000000 + i),
    name: `学校${i + 1}`,
    kind: KINDS[i % KINDS.length] ?? 'primary',
    at: at(),
    students: Math.round(random() * 2500),
    level: LEVELS[i % LEVELS.length] ?? 'none',
    mark: 'existing',
  }));
  const villages: MapVillage[] = Array.from({ length: options.villages }, (_v, i) => ({
    id: `v${i + 1}`,
    name: `村${i + 1}`,
    at: at(),
    children: Math.round(random() * 800),
  }));
  return {
    county: { code: '430000', name: '合成县', geometry: square(ORIGIN[0], ORIGIN[1], span) },
    townships,
    villages,
    schools,
    rings: schools.filter((s) => s.kind === 'primary').map((s) => ({ school: s.id, stage: 'primary', radiusM: 2000 })),
    catchments: villages.slice(0, 200).map((v, i) => ({ village: v.id, school: schools[i % schools.length]?.id ?? '' })),
    transfers: [],
  };
}
