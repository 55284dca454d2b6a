// 配套学校: a housing development that reserves a school site. Its residents × the scenario's
// 千人指标 give the pupils of each stage the school must seat; whole classes at the plan's class
// sizes give its size, and the norms its floor and site area (urban or rural series, as the
// development says or its township is). The reservation stays 预留 in 规划学校一览表 until a
// 新建 project names the development (docs/ARCHITECTURE.md, "配套学校").
import { KIND_STAGES, type Stage } from '../domain/stages';
import { residentsOf } from '../projection/developments';
import type { Development, ReservableKind, ScenarioParams } from '../projection/params';
import type { Plan, PlanProject } from './model';
import { estimateFacilities } from './norms';

export interface SchoolReservation {
  development: number;
  developmentName: string;
  township: string;
  kind: ReservableKind;
  /** The urban (城区/城镇) norms size it; else the rural ones. */
  urban: boolean;
  residents: number;
  /** The year the housing is occupied: the school should open by then. */
  completionYear: number;
  /** Pupils per stage: residents ÷ 1,000 × 千人指标, whole pupils. */
  pupils: Partial<Record<Stage, number>>;
  classes: number;
  /** Whole classes at the plan's class sizes. */
  seats: number;
  /** ㎡ from the norms; null without a norm for the kind. */
  floorArea: number | null;
  siteArea: number | null;
  /** The 新建 project that builds it, if any (the one finishing first). */
  builtBy: Pick<PlanProject, 'id' | 'name' | 'completionYear'> | null;
}

/**
 * The school sites the plan's developments reserve. `urbanTownship` tells whether a township
 * is 城区 (a development that says 城镇 or 农村 overrides it).
 */
export function schoolReservations(
  developments: readonly Development[],
  params: Pick<ScenarioParams, 'perThousand' | 'residentsPerDwelling'>,
  plan: Pick<Plan, 'settings' | 'projects'>,
  urbanTownship: (code: string) => boolean,
): SchoolReservation[] {
  const out: SchoolReservation[] = [];
  for (const d of developments) {
    if (d.reserveKind === null) continue;
    const kind = d.reserveKind;
    const urban = d.reserveSetting === null ? urbanTownship(d.township) : d.reserveSetting === '城镇';
    const residents = residentsOf(d, params.residentsPerDwelling);
    const pupils: Partial<Record<Stage, number>> = {};
    let classes = 0;
    let seats = 0;
    for (const stage of KIND_STAGES[kind]) {
      const perThousand = params.perThousand[stage as keyof ScenarioParams['perThousand']] ?? 0;
      const n = Math.round((residents / 1000) * perThousand);
      pupils[stage] = n;
      const size = plan.settings.classSize[stage];
      const c = Math.ceil(n / size);
      classes += c;
      seats += c * size;
    }
    const est = seats > 0 ? estimateFacilities(kind, classes, seats, plan.settings, { urban }) : null;
    const builders = plan.projects
      .filter((p) => p.type === '新建' && p.development === d.id && p.status !== '暂缓')
      .sort((a, b) => a.completionYear - b.completionYear || a.id - b.id);
    const first = builders[0];
    out.push({
      development: d.id,
      developmentName: d.name,
      township: d.township,
      kind,
      urban,
      residents,
      completionYear: d.completionYear,
      pupils,
      classes,
      seats,
      floorArea: est?.floorArea ?? null,
      siteArea: est?.siteArea ?? null,
      builtBy: first ? { id: first.id, name: first.name, completionYear: first.completionYear } : null,
    });
  }
  return out;
}
