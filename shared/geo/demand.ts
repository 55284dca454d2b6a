// Where the children of each stage live in a given year: the demand points the coverage and
// catchment analyses read. Villages carry children by stage or age band (imported), or only a
// population (children estimated from their township's ages); the counts follow the
// township's projected children from the reference year to the year asked for. A township
// without villages but with a boundary spreads its children over a grid inside the polygon,
// and the result says so; one with neither is left out, and the result names it.
import { entryAge, gradesOf, type SchoolSystem, type UrbanRural } from '../domain/stages';
import type { Township } from '../domain/model';
import { gridInside } from './geometry';
import { COVERAGE_STAGES, type CoverageStage, type Position, type TownshipBoundary, type Village } from './model';
import type { ChildrenBasis, UnknownVillage } from './api';

export interface DemandPoint {
  id: string;
  name: string;
  township: string;
  townshipName: string;
  urbanRural: UrbanRural;
  position: Position;
  children: Record<CoverageStage, number>;
  basis: ChildrenBasis;
}

/** Children aged 0–17 of each township by year: [year index][age]; null where unknown. */
export interface TownshipAges {
  years: number[];
  townships: { code: string; byYear: (number | null)[][] }[];
}

export interface DemandInput {
  townships: readonly Township[];
  boundaries: readonly TownshipBoundary[];
  villages: readonly Village[];
  ages: TownshipAges | null;
  system: SchoolSystem;
  /** The year the villages' figures describe (the data's base year). */
  referenceYear: number;
  year: number;
  /** Grid points per township when demand is spread over its polygon. */
  spreadPoints?: number;
}

export interface DemandResult {
  points: DemandPoint[];
  basis: ChildrenBasis;
  notes: string[];
  /** Villages with neither a population nor children: unknown, counted as no children (listed, never shown as 0). */
  unknownVillages: UnknownVillage[];
}

export function stageAges(stage: CoverageStage, system: SchoolSystem): [number, number] {
  const from = entryAge(stage, system);
  return [from, from + gradesOf(stage, system) - 1];
}

function zeroStages(): Record<CoverageStage, number> {
  return { preschool: 0, primary: 0, junior: 0 };
}

/** Children of a stage's ages in a township's year, or null when unknown. */
function townshipChildren(ages: TownshipAges | null, township: string, year: number, range: [number, number]): number | null {
  if (!ages) return null;
  const yi = ages.years.indexOf(year);
  const t = ages.townships.find((x) => x.code === township);
  const row = yi >= 0 ? t?.byYear[yi] : undefined;
  if (!row) return null;
  let s = 0;
  for (let a = range[0]; a <= range[1]; a++) {
    const v = row[a];
    if (v === null || v === undefined) return null;
    s += v;
  }
  return s;
}

/** A village's imported children of a stage's ages (age bands pro-rata by overlap), or null. */
function importedChildren(v: Village, stage: CoverageStage, range: [number, number]): number | null {
  const c = v.children;
  if (!c) return null;
  if (c.basis === 'stage') return c.byStage[stage] ?? null;
  let s = 0;
  let any = false;
  for (const b of c.bands) {
    const lo = Math.max(b.from, range[0]);
    const hi = Math.min(b.to, range[1]);
    if (hi < lo) continue;
    any = true;
    s += (b.count * (hi - lo + 1)) / (b.to - b.from + 1);
  }
  return any ? s : null;
}

export function demandPoints(input: DemandInput): DemandResult {
  const notes: string[] = [];
  const points: DemandPoint[] = [];
  const byTownship = new Map<string, Village[]>();
  for (const v of input.villages) {
    const list = byTownship.get(v.townshipId) ?? [];
    list.push(v);
    byTownship.set(v.townshipId, list);
  }
  const boundaryOf = new Map(input.boundaries.map((b) => [b.township, b]));
  const ranges = Object.fromEntries(COVERAGE_STAGES.map((s) => [s, stageAges(s, input.system)])) as Record<CoverageStage, [number, number]>;
  let anyEstimated = false;
  let anySpread = false;
  let unscaled = false;
  const missing: string[] = [];
  const noChildren: string[] = [];
  const unknownVillages: UnknownVillage[] = [];

  for (const t of input.townships) {
    const villages = byTownship.get(t.code) ?? [];
    const ref = (stage: CoverageStage) => townshipChildren(input.ages, t.code, input.referenceYear, ranges[stage]);
    const now = (stage: CoverageStage) => townshipChildren(input.ages, t.code, input.year, ranges[stage]);
    const base = { township: t.code, townshipName: t.name, urbanRural: t.urbanRural };

    if (villages.length > 0) {
      const perVillage = villages.map(() => zeroStages());
      let estimated = false;
      for (const stage of COVERAGE_STAGES) {
        const refTotal = ref(stage);
        const nowTotal = now(stage);
        const factor = refTotal !== null && nowTotal !== null && refTotal > 0 ? nowTotal / refTotal : null;
        if (factor === null && input.year !== input.referenceYear) unscaled = true;
        const imported = villages.map((v) => importedChildren(v, stage, ranges[stage]));
        const importedSum = imported.reduce<number>((a, c) => a + (c ?? 0), 0);
        // Villages with only a population share what the township's children leave over.
        const popOnly = villages.map((v, i) => (imported[i] === null ? (v.population ?? 0) : 0));
        const popSum = popOnly.reduce((a, c) => a + c, 0);
        const leftover = refTotal !== null ? Math.max(0, refTotal - importedSum) : null;
        villages.forEach((_, i) => {
          const own = imported[i];
          let value: number;
          if (own !== null && own !== undefined) value = own;
          else if (popSum > 0 && leftover !== null) {
            value = (leftover * popOnly[i]!) / popSum;
            estimated = true;
          } else value = 0;
          perVillage[i]![stage] = factor === null ? value : value * factor;
        });
        if (popSum > 0 && leftover === null) noChildren.push(t.name);
      }
      if (estimated) anyEstimated = true;
      for (const v of villages) if (v.children === null && v.population === null) unknownVillages.push({ villageId: v.id, village: v.name, township: t.name });
      villages.forEach((v, i) => {
        points.push({ id: v.id, name: v.name, ...base, position: v.point, children: perVillage[i]!, basis: v.children ? 'imported' : 'estimated' });
      });
      continue;
    }

    const boundary = boundaryOf.get(t.code);
    if (!boundary) {
      missing.push(t.name);
      continue;
    }
    anySpread = true;
    const grid = gridInside(boundary.geometry, input.spreadPoints ?? 40);
    const totals = zeroStages();
    for (const stage of COVERAGE_STAGES) totals[stage] = now(stage) ?? 0;
    if (COVERAGE_STAGES.every((s) => now(s) === null)) noChildren.push(t.name);
    grid.forEach((p, i) => {
      const children = zeroStages();
      for (const stage of COVERAGE_STAGES) children[stage] = totals[stage] / grid.length;
      points.push({ id: `${t.code}#${i + 1}`, name: `${t.name}（均布点${i + 1}）`, ...base, position: p, children, basis: 'township-spread' });
    });
  }

  if (anySpread) notes.push('部分乡镇没有村（社区）数据：其儿童按乡镇人口表均匀分布在乡镇边界内计算，覆盖率仅供参考。');
  if (anyEstimated) notes.push('部分村（社区）只有总人口：其儿童数按所在乡镇各年龄人口、以人口比例估算。');
  if (unscaled) notes.push(`部分乡镇缺少 ${input.year} 年的分年龄人口：村（社区）儿童数未按预测调整，仍为 ${input.referenceYear} 年数据。`);
  if (missing.length) notes.push(`${missing.join('、')} 既无村（社区）也无乡镇边界，未计入覆盖分析。`);
  if (noChildren.length) notes.push(`${[...new Set(noChildren)].join('、')} 缺少分年龄人口，儿童数无法估算，按 0 计入（实际未知）。`);
  if (unknownVillages.length) {
    const shown = unknownVillages.slice(0, 10).map((v) => `${v.township}${v.village}`).join('、');
    notes.push(`${shown}${unknownVillages.length > 10 ? ` 等 ${unknownVillages.length} 个村（社区）` : ''}没有人口或儿童数（不详），未计入儿童数；请补充村（社区）表。`);
  }
  const basis: ChildrenBasis = anySpread ? 'township-spread' : anyEstimated ? 'estimated' : 'imported';
  return { points, basis, notes, unknownVillages };
}
