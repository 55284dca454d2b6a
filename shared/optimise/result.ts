// What `plan.optimise` returns and the CLI prints as JSON: the solver's status and gap, the
// proposed projects with their reasons (each ready to be adopted through plan.addProjects),
// the totals, and the same totals for the greedy layout, the current plan and the plan's
// "what needs to be built" suggestions, so the planner sees what the optimisation gains.
import type { Stage } from '../domain/stages';
import type { ProjectInput } from '../plan/model';
import type { DecisionType } from './decisions';
import type { OptStatus } from './solution';

export interface OptimisedProject {
  type: DecisionType;
  /** School code, or null for a new school at a candidate site. */
  school: string | null;
  schoolName: string;
  /** Candidate site id (新建) or null. */
  site: string | null;
  /** [lng, lat] of the school or site. */
  position: [number, number] | null;
  stage: Stage;
  year: number;
  /** Seats after the build (新建/改扩建), provided (转型), boarders (寄宿), removed (撤并: negative). */
  seats: number;
  classes: number;
  /** 万元. */
  cost: number;
  receivers: { school: string; name: string; share: number; km: number }[];
  reason: string;
  /** The project to add to the plan; null where it has no project type (寄宿) or no receiver among existing schools. */
  project: ProjectInput | null;
  /**
   * A 撤并 or 转型 some of whose pupils go to proposed new schools: the project with the
   * existing receivers at their own shares, and the sites (with their shares) whose 新建 must
   * be adopted first and then named as receivers (`new:<project id>`). Null otherwise.
   */
  pending: { project: ProjectInput; sites: { site: string; share: number }[] } | null;
  /** 改扩建 only (null otherwise): the site check, 占地面积 ÷ 生均用地, and the land bought beyond it (included in `cost`). */
  land: ProjectLand | null;
}

export interface ProjectLand {
  /** False: the school's 占地面积 is not recorded, the expansion is unchecked (用地面积未知，未校核) and the site figures are null. */
  checked: boolean;
  /** m². */
  siteArea: number | null;
  /** m² per pupil. */
  sitePerPupil: number | null;
  /** Seats (all the school's stages) the present site holds. */
  siteSeats: number | null;
  /** Seats of the whole school after the build. */
  schoolSeats: number;
  /** Land bought beyond the site: m², 亩; 0 within the site. */
  extraArea: number;
  extraMu: number;
  /** 万元 of that land at the plan's 地价; null where none is bought or the plan sets no 地价 (then left out of `cost`). */
  landCost: number | null;
  /** 万元 of site works on that land. */
  siteWorksCost: number | null;
}

export interface LayoutTotals {
  /** 万元 of construction (and boarding sections). */
  cost: number;
  /** The whole objective (万元): construction, holding, operating, travel, boarding and unmet penalties, less conversion credits. */
  objective: number;
  /** Largest number, over the plan years from the first a build can be ready, of children without a seat. */
  unmetSeats: number;
  /** … without a seat within the service distance (boarders and unmet). */
  uncoveredChildren: number;
  /** Children without a seat in each year before a build can be ready: bridged (过渡期缺口), not unmet. */
  bridged: { year: number; seats: number }[];
  travel: { mean: number | null; max: number | null };
  schoolsClosed: number;
  projects: number;
  /** 改扩建 whose school has no 占地面积: offered without a site limit and flagged. */
  siteUnchecked: number;
  /** Land the expansions buy beyond their sites: m², 亩, 万元 (null: the plan sets no 地价). */
  landBought: { area: number; mu: number; cost: number | null; expansions: number };
}

export interface OptimiseResult {
  status: OptStatus;
  /** Relative MIP gap; 0 at a proven optimum; null when the solver found no layout (the greedy one is shown). */
  gap: number | null;
  /** 万元 of construction of the optimised layout. */
  cost: number;
  /** 万元 of construction of the greedy layout. */
  greedyCost: number;
  projects: OptimisedProject[];
  unmetSeats: number;
  uncoveredChildren: number;
  travel: { mean: number | null; max: number | null };
  /** Expansions of the shown layout whose school has no 占地面积 (用地面积未知，未校核). */
  siteUnchecked: number;
  /** First year a project begun after the base year can be ready (base year + 1 + construction years): no build, expansion, boarding section or conversion before it. */
  firstBuildYear: number;
  /** The shown layout's seats short in each year before `firstBuildYear` (过渡期缺口, bridged without building). */
  bridged: { year: number; seats: number }[];
  plan: { id: number | null; name: string };
  scenario: string;
  stage: Stage;
  years: number[];
  totals: { mip: LayoutTotals | null; greedy: LayoutTotals };
  greedyProjects: OptimisedProject[];
  /** The plan as it stands: its 拟建 projects of the stage and the seats they leave short from `firstBuildYear`. */
  current: { cost: number; projects: number; unmetSeats: number };
  /** The plan's "what needs to be built" helper for the stage, on the committed layout. */
  suggestions: { cost: number; projects: number };
  solver: { status: string; seconds: number; stopped: 'time' | 'cancel' | 'memory' | null; columns: number; rows: number; binaries: number };
  /** distance: within the service distance; area: area balance, as the plan's suggestions. */
  rule: 'distance' | 'area';
  /** Each weight and distance with its value and source. */
  settings: { key: string; label: string; value: number; unit: string; source: string }[];
  notes: string[];
}
