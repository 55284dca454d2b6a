// The layout problem of one stage over the plan period, as plain data: where the children
// live (demand points with children per year), where they can go (existing schools and
// candidate sites with the standard sizes they can be built or expanded to), how far each
// point is from each school it may use, what everything costs and how much each term of the
// objective weighs. The MIP (model.ts), the greedy heuristic (greedy.ts) and the checker
// (check.ts) all read this one shape; see docs/ARCHITECTURE.md, "Layout optimiser".
import type { SchoolKind, Stage } from '../domain/stages';

/** A village (or any place children live) with the children of the stage per year. */
export interface DemandPoint {
  id: string;
  name: string;
  /** Metres in a local plane (see geometry.ts). */
  x: number;
  y: number;
  /** Children of the stage living here, aligned with `OptInstance.years`. */
  children: number[];
}

/** One standard size a school can be expanded to, or a new school built at. */
export interface BuildOption {
  /** Classes after the build (the standard size). */
  classes: number;
  /** Seats after the build (classes × class size). */
  seats: number;
  /** Seats this option adds to what the site has now. */
  added: number;
  /** 万元: construction from the norms' floor area per student × the plan's cost per m². */
  cost: number;
  /** m² built, for the project record. */
  floorArea: number | null;
  siteArea: number | null;
  /** What the site becomes under this option where it differs from the facility's kind (a 教学点 at a candidate site). */
  kind?: SchoolKind;
  /** The school's name under this option where it differs from the facility's. */
  name?: string;
  /** An existing school's expansion: what its site holds and the land it buys beyond it (options.ts). */
  land?: OptionLand;
}

/** An expansion against the school's site: 占地面积 ÷ 生均用地 (site-room.ts, the suggestions' rule). */
export interface OptionLand {
  /** 占地面积 m², 生均用地 m² per pupil and the seats (all stages) the site holds; null: 占地面积 not recorded, the option is offered unchecked. */
  site: { siteArea: number; sitePerPupil: number; siteSeats: number } | null;
  /** Seats of the whole school after the build (other stages included), against `site.siteSeats`. */
  schoolSeats: number;
  /** Land bought beyond the site (m², 亩, 万元 of land — null without the plan's 地价 — and of site works), included in `cost`; null within the site or unknown. */
  extra: { area: number; mu: number; land: number | null; siteWorks: number | null } | null;
}

export interface Facility {
  id: string;
  name: string;
  x: number;
  y: number;
  township: string | null;
  /** An existing school, or a candidate site for a new one. */
  existing: boolean;
  /** Kind after a build (candidates) or now (existing). */
  kind: SchoolKind;
  /** Seats of the stage now (0 for a candidate). */
  seats: number;
  /** Classes of the stage now (0 for a candidate). */
  classes: number;
  /** Students of the stage in the base year (0 for a candidate), for the reasons. */
  students: number;
  /** Standard sizes above the present one, each within the school-size limit. */
  options: BuildOption[];
  /** 万元 per year the school is open (the fixed part: site, running costs). */
  operating: number;
  /** The planner's lock: the school stays open all years. */
  keep: boolean;
  /** May close (撤并) or convert (转型); false for candidates and kept schools. */
  closable: boolean;
  /**
   * 万元 credited when the school is converted instead of closed (转型, e.g. a primary school
   * becoming a kindergarten where kindergarten seats are short): the kindergarten seats it
   * provides times the cost per seat of building them new, less the refit. 0: a closure is a 撤并.
   */
  convertCredit: number;
  /** What a conversion turns the school into, for the project and the reason. */
  convertKind: SchoolKind | null;
  /** Seats a conversion provides (of `convertKind`). */
  convertSeats: number;
  /** 万元 to add a boarding section (寄宿部); null where boarding is not allowed. */
  boardingCost: number | null;
}

/** A candidate site for a new school: nothing there yet, nothing to close, convert or board. */
export function candidateSite(f: Pick<Facility, 'id' | 'name' | 'x' | 'y' | 'township' | 'kind' | 'options' | 'operating'>): Facility {
  return { ...f, existing: false, seats: 0, classes: 0, students: 0, keep: false, closable: false, convertCredit: 0, convertKind: null, convertSeats: 0, boardingCost: null };
}

/** A demand point may use a facility: the road distance and whether it is beyond the service distance. */
export interface Arc {
  point: number;
  facility: number;
  /** Road km (straight line × 路网系数). */
  km: number;
  /** Beyond the service distance, within the boarding limit: allowed only with a boarding section at the facility. */
  far: boolean;
  /** Beyond the service distance but within `beyondFactor` times it: allowed at the `beyond` penalty, no boarding. */
  beyond: boolean;
}

/** Each term of the objective, in 万元, as the planner sets it. */
export interface Weights {
  /** 万元 per child-km per year (the families' and the county's travel, one way). */
  travel: number;
  /** 万元 per boarding child per year (the penalty for travel beyond the service distance). */
  boarding: number;
  /** 万元 per child per year travelling beyond the service distance without boarding. */
  beyond: number;
  /** 万元 per child per year left without a seat. */
  unmet: number;
  /**
   * Share of a build's cost charged for each year it is in use within the plan period (the
   * cost of the money tied up), so a build is not completed earlier than it is needed.
   */
  holding: number;
}

export interface OptInstance {
  stage: Stage;
  /** Plan years the decisions are taken over (base year + 1 … target year). */
  years: number[];
  /** Index into `years` of the first year a build can be in use. */
  firstBuildIndex: number;
  points: DemandPoint[];
  facilities: Facility[];
  arcs: Arc[];
  weights: Weights;
  /** 万元 of construction completed per year (aligned with `years`); null: no limit that year. */
  budget: (number | null)[];
  /** 万元 of construction over the whole period; null: no limit. */
  totalBudget: number | null;
  /** Service distance and the limit for boarding, road km. */
  serviceKm: number;
  boardingKm: number | null;
  roadFactor: number;
}

export function childrenIn(inst: OptInstance, t: number): number {
  let s = 0;
  for (const p of inst.points) s += p.children[t] ?? 0;
  return s;
}
