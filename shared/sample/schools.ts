// The school roster: which schools exist, where, and how they share their township's children.
// Facilities are filled in later (facilities.ts) because they are sized from enrolment.
import type { School } from '../domain/model';
import { unknownFacts } from '../domain/school';
import type { Ownership, SchoolKind, Stage } from '../domain/stages';
import { KINDERGARTEN_BRANDS, VILLAGES, ordinal, shortName } from './names';
import type { Rng } from './prng';
import { scatter, type CountyFrame, type TownshipInfo } from './townships';

/**
 * How a school takes its students:
 * - urban: one pool for the whole county town (families cross street boundaries freely);
 * - central: a rural township's main school for a stage, takes what the others leave;
 * - share: a fixed, usually shrinking share of its township (村小, village or private kindergarten);
 * - county: a county-wide pool (senior, vocational, special).
 */
export type Role = 'urban' | 'central' | 'share' | 'county';

export interface SchoolPlan {
  school: School;
  /** Index of the township in the frame. */
  township: number;
  role: Role;
  /** Weight in an urban or county pool, or share of the township for role 'share'. */
  weight: number;
  /** Weight in the pool of one stage where it differs (a combined school's senior section). */
  stageWeight: Partial<Record<Stage, number>>;
  /** Yearly multiplicative change of the weight (village consolidation, public kindergartens growing). */
  trend: number;
  /**
   * Average class size the school is pushed to when it runs out of classrooms (county-town
   * schools); null when classes follow the standard size.
   */
  crowdTarget: number | null;
  /** Highest primary grade taught: 教学点 stop after grade 3 or 4. */
  maxGrade: number;
}

export interface Roster {
  plans: SchoolPlan[];
  /** For each township, the township whose junior-stage school its children attend. */
  juniorHost: number[];
}

export function buildRoster(rng: Rng, frame: CountyFrame): Roster {
  const plans: SchoolPlan[] = [];
  const county = frame.name;
  const villages = rng.shuffle(VILLAGES);
  const brands = rng.shuffle(KINDERGARTEN_BRANDS);
  let serial = 0;

  const add = (
    t: number,
    name: string,
    kind: SchoolKind,
    ownership: Ownership,
    role: Role,
    options: {
      weight?: number;
      stageWeight?: Partial<Record<Stage, number>>;
      trend?: number;
      crowdTarget?: number | null;
      maxGrade?: number;
      spreadKm?: number;
      village?: boolean;
    } = {},
  ): void => {
    const info = frame.townships[t] as TownshipInfo;
    serial++;
    const pos = scatter(rng, info.lat, info.lng, options.spreadKm ?? (info.urban ? 1.2 : 0.6));
    plans.push({
      school: {
        // 学校标识码: '2' + county code + serial keeps codes unique across a generated province.
        code: `2${frame.code}${String(serial).padStart(3, '0')}`,
        name,
        kind,
        ownership,
        township: info.township.code,
        urbanRural: info.urban ? '城区' : options.village ? '乡村' : info.township.urbanRural,
        ...unknownFacts(),
        lat: pos.lat,
        lng: pos.lng,
        status: '在办',
        formerNames: [],
      },
      township: t,
      role,
      weight: options.weight ?? 1,
      stageWeight: options.stageWeight ?? {},
      trend: options.trend ?? 0,
      crowdTarget: options.crowdTarget ?? null,
      maxGrade: options.maxGrade ?? 6,
    });
  };
  const crowded = (): number => rng.float(57, 67);

  const idx = frame.townships.map((_, i) => i);
  const town = idx.find((i) => frame.townships[i]?.township.kind === '镇' && frame.townships[i]?.urban) ?? 0;
  const streets = idx.filter((i) => frame.townships[i]?.township.kind === '街道');
  const rural = idx.filter((i) => !frame.townships[i]?.urban);
  const nameOf = (t: number): string => frame.townships[t]?.township.name ?? '';
  const firstStreet = streets[0] ?? town;
  const secondStreet = streets[1] ?? town;

  // --- County-town schools -------------------------------------------------------------
  add(town, '城关第一小学', 'primary', '公办', 'urban', { weight: 1.4, crowdTarget: crowded() });
  add(town, '城关第二实验小学', 'primary', '公办', 'urban', { weight: 1.3, crowdTarget: crowded() });
  add(town, '城关第三小学', 'primary', '公办', 'urban', { weight: 1.0, crowdTarget: crowded() });
  add(town, `${county}实验小学`, 'primary', '公办', 'urban', { weight: 1.5, crowdTarget: crowded() });
  for (const s of streets) {
    add(s, `${shortName(nameOf(s))}小学`, 'primary', '公办', 'urban', { weight: rng.float(0.9, 1.2), crowdTarget: crowded() });
  }
  if (streets.length < 3) {
    // A school opened recently at the edge of town: still filling up, not yet crowded.
    add(secondStreet, '城关第四小学', 'primary', '公办', 'urban', { weight: 0.6, trend: 0.07 });
  }
  add(secondStreet, `${county}育英小学`, 'primary', '民办', 'urban', { weight: 0.35 });
  // A private boarding school from grade 1 to 12, popular with families who can pay.
  add(firstStreet, `${county}博文学校`, 'twelve_year', '民办', 'urban', { weight: 0.3, stageWeight: { senior: 0.06 }, spreadKm: 3 });
  add(firstStreet, `${shortName(nameOf(firstStreet))}实验学校`, 'nine_year', '公办', 'urban', {
    weight: 0.9,
    crowdTarget: rng.float(56, 62),
  });
  add(town, '城关第一初级中学', 'junior', '公办', 'urban', { weight: 1.3, crowdTarget: crowded() });
  add(town, '城关第二初级中学', 'junior', '公办', 'urban', { weight: 1.1, crowdTarget: crowded() });
  add(secondStreet, `${county}实验中学`, 'junior', '公办', 'urban', { weight: 1.2, crowdTarget: crowded() });
  add(town, `${county}第一高级中学`, 'senior', '公办', 'county', { weight: 0.42, crowdTarget: rng.float(56, 62) });
  add(secondStreet, `${county}第二高级中学`, 'senior', '公办', 'county', { weight: 0.33, crowdTarget: rng.float(52, 58) });
  add(firstStreet, `${county}职业教育中心`, 'vocational', '公办', 'county', { spreadKm: 2.5 });
  add(town, `${county}特殊教育学校`, 'special', '公办', 'county');

  // Kindergartens: public ones gain share every year (公办园占比 targets), for-profit ones lose.
  for (const t of [town, ...streets]) {
    add(t, `${nameOf(t)}中心幼儿园`, 'kindergarten', '公办', 'urban', { weight: t === town ? 1.3 : 1.0, trend: 0.04 });
  }
  add(town, `${county}实验幼儿园`, 'kindergarten', '公办', 'urban', { weight: 1.5, trend: 0.04 });
  add(town, `${county}机关幼儿园`, 'kindergarten', '公办', 'urban', { weight: 1.1, trend: 0.03 });
  const urbanSeats = [town, ...streets];
  for (let i = 0; i < 7; i++) {
    add(rng.pick(urbanSeats), `${brands.pop() ?? `第${i + 1}`}幼儿园`, 'kindergarten', '普惠性民办', 'urban', {
      weight: rng.float(0.8, 1.1),
    });
  }
  for (let i = 0; i < 5; i++) {
    add(rng.pick(urbanSeats), `${brands.pop() ?? `民办${i + 1}`}幼儿园`, 'kindergarten', '民办', 'urban', {
      weight: rng.float(0.65, 0.95),
      trend: -0.05,
    });
  }

  // --- Rural townships ---------------------------------------------------------------------
  // Smallest townships lose their junior school (children go to a neighbour); the next three
  // smallest run one nine-year school; the largest town hosts the 完全中学.
  const bySize = rural.slice().sort((a, b) => (frame.townships[a]?.birthWeight ?? 0) - (frame.townships[b]?.birthWeight ?? 0));
  const noJunior = new Set(bySize.slice(0, rural.length >= 11 ? 2 : 1));
  const nineYear = new Set(bySize.slice(noJunior.size, noJunior.size + 3));
  const completeTown = bySize[bySize.length - 1] ?? rural[0] ?? town;

  for (const t of rural) {
    const name = nameOf(t);
    if (nineYear.has(t)) {
      add(t, `${name}九年一贯制学校`, 'nine_year', '公办', 'central');
    } else {
      add(t, `${name}中心小学`, 'primary', '公办', 'central');
      if (t === completeTown) {
        add(t, `${county}${ordinal(3)}中学`, 'complete_middle', '公办', 'central', {
          stageWeight: { senior: 0.25 },
          crowdTarget: rng.float(50, 56),
        });
      } else if (!noJunior.has(t)) {
        add(t, `${name}初级中学`, 'junior', '公办', 'central');
      }
    }
    add(t, `${name}中心幼儿园`, 'kindergarten', '公办', 'central');
  }

  // 村小: the 32 primary schools a county of this size has, minus the ones already placed.
  const primarySoFar = plans.filter((p) => p.school.kind === 'primary').length;
  const villageSchools = Math.max(rural.length, 32 - primarySoFar);
  const byWeight = rural.slice().sort((a, b) => (frame.townships[b]?.birthWeight ?? 0) - (frame.townships[a]?.birthWeight ?? 0));
  for (let i = 0; i < villageSchools; i++) {
    const t = byWeight[i % byWeight.length] as number;
    add(t, `${nameOf(t)}${villages.pop() ?? `第${i + 1}`}小学`, 'primary', '公办', 'share', {
      weight: rng.float(0.08, 0.15),
      // Parents move children to the township's central school: village schools shrink.
      trend: -rng.float(0.04, 0.08),
      spreadKm: rng.float(2, 5),
      village: true,
    });
  }
  // 教学点: the remotest townships keep a few, for the youngest pupils only.
  const remote = rural.slice().sort((a, b) => (frame.townships[b]?.distanceKm ?? 0) - (frame.townships[a]?.distanceKm ?? 0));
  for (let i = 0; i < 11; i++) {
    const t = remote[i % Math.max(1, Math.ceil(remote.length * 0.7))] as number;
    add(t, `${nameOf(t)}${villages.pop() ?? `第${i + 1}`}教学点`, 'teaching_point', '公办', 'share', {
      weight: rng.float(0.04, 0.09),
      trend: -rng.float(0.04, 0.08),
      maxGrade: rng.next() < 0.6 ? 3 : 4,
      spreadKm: rng.float(3, 6),
      village: true,
    });
  }
  // Rural kindergartens besides the central ones: two village public ones, 普惠 and private
  // ones in the larger towns.
  for (let i = 0; i < 2; i++) {
    const t = byWeight[(i * 3 + 1) % byWeight.length] as number;
    add(t, `${nameOf(t)}${villages.pop() ?? `第${i + 1}`}幼儿园`, 'kindergarten', '公办', 'share', {
      weight: rng.float(0.12, 0.2),
      spreadKm: rng.float(2, 4),
      village: true,
    });
  }
  for (let i = 0; i < 3; i++) {
    const t = byWeight[i] as number;
    add(t, `${nameOf(t)}${brands.pop() ?? `普惠${i + 1}`}幼儿园`, 'kindergarten', '普惠性民办', 'share', {
      weight: rng.float(0.3, 0.4),
    });
  }
  for (let i = 0; i < 2; i++) {
    const t = byWeight[i + 3] as number;
    add(t, `${nameOf(t)}${brands.pop() ?? `民办${i + 1}`}幼儿园`, 'kindergarten', '民办', 'share', {
      weight: rng.float(0.2, 0.28),
      trend: -0.05,
    });
  }

  // Rural children of a township without a junior school go to the nearest one that has one.
  const hasJunior = new Set(
    plans.filter((p) => p.role === 'central' && ['junior', 'nine_year', 'complete_middle'].includes(p.school.kind)).map((p) => p.township),
  );
  const juniorHost = idx.map((t) => {
    if (frame.townships[t]?.urban || hasJunior.has(t)) return t;
    let best = t;
    let bestD = Infinity;
    for (const h of hasJunior) {
      const d = distance(frame.townships[t] as TownshipInfo, frame.townships[h] as TownshipInfo);
      if (d < bestD) {
        bestD = d;
        best = h;
      }
    }
    return best;
  });
  return { plans, juniorHost };
}

function distance(a: TownshipInfo, b: TownshipInfo): number {
  const dLat = a.lat - b.lat;
  const dLng = (a.lng - b.lng) * Math.cos((a.lat * Math.PI) / 180);
  return Math.sqrt(dLat * dLat + dLng * dLng);
}
