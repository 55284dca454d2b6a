// The village (行政村/社区) table: one row per village with its township, location, population
// and children. The export writes it and the village import reads it back (a file the app
// writes imports unchanged); children by age band get one column per band the project holds.
import type { Village } from '../geo/model';
import type { Cell, DataTable } from './layouts';

export const VILLAGE_HEADERS = [
  '乡镇代码', '乡镇（街道）', '村（社区）名称', '村级代码', '经度', '纬度', '总人口（人）',
  '学前适龄儿童（人）', '小学适龄儿童（人）', '初中适龄儿童（人）',
] as const;

const bandHeader = (from: number, to: number) => (from === to ? `${from}岁` : `${from}-${to}岁`);

export interface VillageTableInput {
  townships: readonly { code: string; name: string }[];
  villages: readonly Village[];
}

export function villagesTable(d: VillageTableInput): DataTable {
  const names = new Map(d.townships.map((t) => [t.code, t.name]));
  const bands = new Map<string, [number, number]>();
  for (const v of d.villages) {
    if (v.children?.basis === 'age') for (const b of v.children.bands) bands.set(bandHeader(b.from, b.to), [b.from, b.to]);
  }
  const bandList = [...bands.entries()].sort((a, b) => a[1][0] - b[1][0] || a[1][1] - b[1][1]);
  const rows: Cell[][] = d.villages.map((v) => {
    const c = v.children;
    const byStage = c?.basis === 'stage' ? c.byStage : {};
    const byBand = new Map(c?.basis === 'age' ? c.bands.map((b) => [bandHeader(b.from, b.to), b.count]) : []);
    return [
      v.townshipId, names.get(v.townshipId) ?? '', v.name, v.code ?? '', v.point[0], v.point[1], v.population,
      byStage.preschool ?? null, byStage.primary ?? null, byStage.junior ?? null,
      ...bandList.map(([h]) => byBand.get(h) ?? null),
    ];
  });
  return { sheet: '村（社区）', headers: [...VILLAGE_HEADERS, ...bandList.map(([h]) => h)], rows };
}
