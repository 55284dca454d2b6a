// What an expansion's site check tells the planner: the part of its reason that says whether
// the school's site holds it — within the site, with land to buy (亩 and ㎡, its price or why
// it is left out), or not checked because the school's 占地面积 is not recorded — and the same
// figures for the CLI's JSON and the totals of a layout.
import { n, wan } from '../plan/text';
import { round1 } from '../projection/math';
import type { OptionLand } from './instance';
import type { LayoutTotals, ProjectLand } from './result';

export const SITE_UNCHECKED = '用地面积未知，未校核';

export function siteSentence(land: OptionLand): string {
  if (!land.site) return `${SITE_UNCHECKED}（学校未填占地面积，按不受用地限制计）`;
  const { siteArea, sitePerPupil, siteSeats } = land.site;
  const head = `现有占地 ${n(siteArea)} ㎡，按生均用地 ${sitePerPupil} ㎡ 可容 ${n(siteSeats)} 个学位，扩建后全校 ${n(land.schoolSeats)} 个学位`;
  const extra = land.extra;
  if (!extra) return `${head}，在现有用地内`;
  const price = extra.land === null ? '土地费用未计（规划未设置地价）' : `土地费用 ${wan(extra.land)} 万元`;
  return `${head}，需征地 ${extra.mu} 亩（${n(extra.area)} ㎡），${price}、室外工程 ${wan(extra.siteWorks ?? 0)} 万元已计入投资`;
}

export function projectLand(land: OptionLand | undefined): ProjectLand | null {
  if (!land) return null;
  const e = land.extra;
  return {
    checked: land.site !== null,
    siteArea: land.site?.siteArea ?? null,
    sitePerPupil: land.site?.sitePerPupil ?? null,
    siteSeats: land.site?.siteSeats ?? null,
    schoolSeats: land.schoolSeats,
    extraArea: e?.area ?? 0,
    extraMu: e?.mu ?? 0,
    landCost: e?.land ?? null,
    siteWorksCost: e?.siteWorks ?? null,
  };
}

/** Unchecked expansions and the land bought, over a layout's projects: summed exactly, rounded once. */
export function landTotals(lands: (ProjectLand | null)[]): Pick<LayoutTotals, 'siteUnchecked' | 'landBought'> {
  let siteUnchecked = 0;
  const bought = { area: 0, mu: 0, cost: 0 as number | null, expansions: 0 };
  for (const l of lands) {
    if (!l) continue;
    if (!l.checked) siteUnchecked++;
    if (l.extraArea <= 0) continue;
    bought.expansions++;
    bought.area += l.extraArea;
    bought.mu += l.extraMu;
    bought.cost = l.landCost === null || bought.cost === null ? null : bought.cost + l.landCost;
  }
  return { siteUnchecked, landBought: { ...bought, mu: round1(bought.mu), cost: bought.cost === null ? null : round1(bought.cost) } };
}

/** The notes a result adds for its expansions' sites; none where every expansion fits and was checked. */
export function landNotes(t: Pick<LayoutTotals, 'siteUnchecked' | 'landBought'>, landPerMu: number | null): string[] {
  const out: string[] = [];
  const b = t.landBought;
  if (b.expansions > 0) {
    const price = b.cost === null ? '土地费用未计（规划未设置地价，与新建学校相同）' : `土地费用共 ${wan(b.cost)} 万元（地价 ${landPerMu} 万元/亩，规划设置）`;
    out.push(`${b.expansions} 项改扩建超出现有占地（占地面积 ÷ 生均用地），需征地共 ${b.mu} 亩（${n(b.area)} ㎡），${price}。`);
  }
  if (t.siteUnchecked > 0) out.push(`${t.siteUnchecked} 项改扩建的学校未填占地面积，${SITE_UNCHECKED}（按不受用地限制计），请补填后重新优化。`);
  return out;
}
