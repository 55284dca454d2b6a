// The schools year by year under the plan's projects. Every school is split into units, one
// per stage it teaches (a nine-year school is a primary and a junior unit), because seats,
// classes and demand are stage matters. Each year starts again from the base state and
// applies the projects completed by then, in order of completion: simple, and fast enough
// for a county (tens of projects, a hundred schools, fifteen years).
import { gradesOf, KIND_STAGES, type Ownership, type SchoolKind, type Stage } from '../domain/stages';
import type { ContextSchool, EvaluationContext, StageRecord } from './context';
import { newSchoolRef, type PlanProject, type SchoolRef } from './model';
import { classesByStage, floorNormSource, seatsFromFloorArea } from './norms';
import { CAPACITY_METHOD, classesForStudents } from '../analysis/enrolment';
import { PROJECT_TYPE, type CapacityEffect } from './project-types';
import type { PlanSettings } from './settings';

export interface SchoolInfo {
  ref: SchoolRef;
  name: string;
  kind: SchoolKind;
  ownership: Ownership;
  township: string;
  isNew: boolean;
  projectId: number | null;
  /** The recorded school; null for a school a project creates. */
  source: ContextSchool | null;
  /**
   * Set when the school records neither design seats nor classes: its classes are estimated
   * from its students, its seats from its floor area at the norm when it has one, else from
   * those classes; `method` says which, as the tables print it.
   */
  estimated?: { classes: number; seats: number; method: string };
}

export interface Unit {
  key: string;
  ref: SchoolRef;
  stage: Stage;
  school: SchoolInfo;
  /** Classes run however few the students (one per grade taught). */
  minClasses: number;
}

export interface UnitState {
  open: boolean;
  capacity: number;
  rooms: number;
  township: string;
  /** Opened or rebuilt by a project: takes students the full schools of its area cannot seat. */
  absorbs: boolean;
  /** Orders absorbing units (earlier projects fill first). */
  absorbOrder: number;
  /** The 撤并 or 转型 project that closed the unit. */
  closedBy: PlanProject | null;
}

export interface Facilities {
  /** m². */
  teachingArea: number;
  sportsArea: number;
  /** 万元. */
  equipmentValue: number;
  multimediaRooms: number;
}

export interface SchoolState {
  open: boolean;
  kind: SchoolKind;
  township: string;
  facilities: Facilities;
  /** Facilities of a school a project built; existing schools keep their records. */
  built: boolean;
}

export interface YearState {
  year: number;
  units: Map<string, UnitState>;
  schools: Map<SchoolRef, SchoolState>;
}

export function unitKey(ref: SchoolRef, stage: Stage): string {
  return `${ref}|${stage}`;
}

/** The recorded year closest to `year` at or before it (a school may lack the latest year). */
export function recordAt<T>(byYear: Record<string, T>, year: number): T | null {
  const exact = byYear[year];
  if (exact !== undefined) return exact;
  let best: number | null = null;
  for (const k of Object.keys(byYear)) {
    const y = Number(k);
    if (y <= year && (best === null || y > best)) best = y;
  }
  return best === null ? null : (byYear[best] as T);
}

function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return weights.map((_, i) => (i === 0 ? total : 0));
  let left = total;
  return weights.map((w, i) => {
    if (i === weights.length - 1) return left;
    const n = Math.round((total * w) / sum);
    left -= n;
    return n;
  });
}

export interface Timeline {
  schools: SchoolInfo[];
  units: Unit[];
  /** Projects counted (not 暂缓), in order of completion. */
  active: PlanProject[];
  /** Project id → what is wrong with it (said in the results). */
  problems: Map<number, string>;
  /** Projects whose school does not exist: not applied at all. */
  blocked: Set<number>;
  at(year: number): YearState;
}

interface Built {
  units: Map<string, UnitState>;
  schools: Map<SchoolRef, SchoolState>;
}

/** Per-stage norms a new building is assumed to meet (it is built and equipped to standard). */
function builtFacilities(stageSeats: Partial<Record<Stage, number>>, classes: number, floorArea: number | null, settings: PlanSettings): Facilities {
  let teaching = 0;
  let sports = 0;
  let equipment = 0;
  for (const [stage, seats] of Object.entries(stageSeats) as [Stage, number][]) {
    const norm = stage === 'junior' || stage === 'senior' ? settings.balance.junior : settings.balance.primary;
    teaching += seats * norm.teachingArea * 1.2;
    sports += seats * norm.sportsArea * 1.1;
    equipment += (seats * norm.equipment * 1.2) / 10000;
  }
  // 教学及辅助用房 is about 60 % of a school's floor area.
  if (floorArea !== null && floorArea > 0) teaching = floorArea * 0.6;
  return { teachingArea: teaching, sportsArea: sports, equipmentValue: equipment, multimediaRooms: classes };
}

export function buildTimeline(ctx: EvaluationContext, projects: readonly PlanProject[], baseYear: number, settings: PlanSettings): Timeline {
  const system = ctx.county.schoolSystem;
  const size = settings.classSize;
  const schools: SchoolInfo[] = [];
  const units: Unit[] = [];
  const unitByKey = new Map<string, Unit>();
  const schoolByRef = new Map<SchoolRef, SchoolInfo>();
  const problems = new Map<number, string>();
  const blocked = new Set<number>();
  const base: Built = { units: new Map(), schools: new Map() };

  const addUnit = (school: SchoolInfo, stage: Stage, minClasses: number): Unit => {
    const key = unitKey(school.ref, stage);
    const existing = unitByKey.get(key);
    if (existing) return existing;
    const unit: Unit = { key, ref: school.ref, stage, school, minClasses };
    units.push(unit);
    unitByKey.set(key, unit);
    return unit;
  };

  const demandStages = new Map<string, Set<Stage>>();
  for (const d of ctx.demand.schools) {
    const set = demandStages.get(d.code) ?? new Set<Stage>();
    set.add(d.stage);
    demandStages.set(d.code, set);
  }

  // --- Existing schools ---------------------------------------------------------------
  for (const s of ctx.schools) {
    const info: SchoolInfo = { ref: s.code, name: s.name, kind: s.kind, ownership: s.ownership, township: s.township, isNew: false, projectId: null, source: s };
    schools.push(info);
    schoolByRef.set(s.code, info);
    const rec: Partial<Record<Stage, StageRecord>> = recordAt(s.recorded, baseYear) ?? {};
    const stageSet = new Set<Stage>(KIND_STAGES[s.kind]);
    for (const st of Object.keys(rec) as Stage[]) if ((rec[st]?.students ?? 0) > 0) stageSet.add(st);
    for (const st of demandStages.get(s.code) ?? []) stageSet.add(st);
    const stages = [...stageSet];
    // Grades whose class count is unknown beside known ones: each estimated at the standard size.
    const guessed = stages.map((st) => (rec[st]?.unknownGrades ?? []).reduce((n, students) => n + classesForStudents(students, size[st]), 0));
    const recorded = stages.map((st, i) => (rec[st]?.classes ?? 0) + (guessed[i] as number));
    // A school with students but neither design seats nor classes (a file giving students
    // only) is not a school without seats: its classes are estimated at the standard size.
    const unknownCapacity =
      !(s.designSeats && s.designSeats > 0) && recorded.every((c) => c === 0) && stages.some((st) => (rec[st]?.students ?? 0) > 0);
    const classes = unknownCapacity ? stages.map((st) => classesForStudents(rec[st]?.students ?? 0, size[st])) : recorded;
    let floorSeats: number | null = null;
    if (unknownCapacity) {
      const n = classes.reduce((a, c) => a + c, 0);
      floorSeats = seatsFromFloorArea(s.kind, s.floorArea ?? null, n, settings.floorAreaBasis);
      info.estimated = floorSeats
        ? { classes: n, seats: floorSeats, method: `${CAPACITY_METHOD.floor}（${floorNormSource(s.kind, s.urbanRural !== '乡村')}）` }
        : { classes: n, seats: stages.reduce((a, st, i) => a + (classes[i] as number) * size[st], 0), method: CAPACITY_METHOD.students };
    }
    if (!unknownCapacity && !(s.designSeats && s.designSeats > 0) && guessed.some((n) => n > 0)) {
      info.estimated = { classes: classes.reduce((a, c) => a + c, 0), seats: stages.reduce((a, st, i) => a + (classes[i] as number) * size[st], 0), method: CAPACITY_METHOD.grades };
    }
    const anyClasses = classes.some((c) => c > 0);
    const weights = stages.map((st, i) => (anyClasses ? (classes[i] as number) : gradesOf(st, system)) * size[st]);
    const known = s.designSeats && s.designSeats > 0 ? s.designSeats : floorSeats;
    const seats = known ? splitByWeights(known, weights) : stages.map((st, i) => (classes[i] as number) * size[st]);
    const designRooms =
      s.designClasses && s.designClasses > 0 ? splitByWeights(s.designClasses, stages.map((st, i) => (anyClasses ? (classes[i] as number) : gradesOf(st, system)))) : null;
    const open = s.status === '在办';
    stages.forEach((st, i) => {
      const recClasses = classes[i] as number;
      const grades = gradesOf(st, system);
      const unit = addUnit(info, st, recClasses > 0 ? Math.min(recClasses, grades) : grades);
      const cap = seats[i] as number;
      const rooms = Math.max(designRooms ? (designRooms[i] as number) : Math.ceil(cap / size[st]), recClasses);
      base.units.set(unit.key, { open, capacity: open ? cap : 0, rooms: open ? rooms : 0, township: s.township, absorbs: false, absorbOrder: 0, closedBy: null });
    });
    base.schools.set(s.code, {
      open,
      kind: s.kind,
      township: s.township,
      built: false,
      facilities: {
        teachingArea: s.teachingArea ?? 0,
        sportsArea: s.sportsArea ?? 0,
        equipmentValue: s.equipmentValue ?? 0,
        multimediaRooms: s.multimediaRooms ?? 0,
      },
    });
  }

  // --- Schools and stages projects create ---------------------------------------------
  const active = projects
    .filter((p) => p.status !== '暂缓')
    .slice()
    .sort((a, b) => a.completionYear - b.completionYear || a.id - b.id);
  for (const p of active) {
    if (PROJECT_TYPE[p.type].createsSchool && p.kind && p.township) {
      const info: SchoolInfo = {
        ref: newSchoolRef(p.id),
        name: p.name,
        kind: p.kind,
        ownership: p.ownership,
        township: p.township,
        isNew: true,
        projectId: p.id,
        source: null,
      };
      schools.push(info);
      schoolByRef.set(info.ref, info);
      for (const st of KIND_STAGES[p.kind]) {
        const unit = addUnit(info, st, gradesOf(st, system));
        base.units.set(unit.key, { open: false, capacity: 0, rooms: 0, township: p.township, absorbs: true, absorbOrder: 0, closedBy: null });
      }
      base.schools.set(info.ref, { open: false, kind: p.kind, township: p.township, built: true, facilities: { teachingArea: 0, sportsArea: 0, equipmentValue: 0, multimediaRooms: 0 } });
    }
  }
  for (const p of active) {
    const spec = PROJECT_TYPE[p.type];
    if (!spec.createsSchool && p.school && !schoolByRef.has(p.school)) {
      problems.set(p.id, `找不到项目所指的学校（${p.school}），该项目未计入。`);
      blocked.add(p.id);
    }
    // A school converted to a kind with other stages gains units for them, closed until then.
    if (spec.capacity === 'convert' && p.kind && p.school) {
      const info = schoolByRef.get(p.school);
      if (!info) continue;
      for (const st of KIND_STAGES[p.kind]) {
        const unit = addUnit(info, st, gradesOf(st, system));
        if (!base.units.has(unit.key)) {
          base.units.set(unit.key, { open: false, capacity: 0, rooms: 0, township: info.township, absorbs: false, absorbOrder: 0, closedBy: null });
        }
      }
    }
    for (const r of p.receivers) {
      if (!schoolByRef.has(r.school) && !problems.has(p.id)) problems.set(p.id, `找不到接收学校（${r.school}），其份额的学生无处安置。`);
    }
  }

  const byRef = new Map<SchoolRef, Unit[]>();
  for (const u of units) {
    const list = byRef.get(u.ref) ?? [];
    list.push(u);
    byRef.set(u.ref, list);
  }
  const unitsOf = (ref: SchoolRef): Unit[] => byRef.get(ref) ?? [];

  // What each kind of project does to the year's state (project-types.ts says which kind a type is).
  const effects: Record<CapacityEffect, (state: Built, p: PlanProject, order: number) => void> = {
    open: (state, p, order) => {
      if (!p.kind || !p.township) return;
      const ref = newSchoolRef(p.id);
      const split = classesByStage(p.kind, p.classes, system);
      const stages = KIND_STAGES[p.kind];
      const seats = splitByWeights(p.seats, stages.map((st) => (split[st] ?? 0) * size[st] || size[st]));
      const stageSeats: Partial<Record<Stage, number>> = {};
      stages.forEach((st, i) => {
        const cap = seats[i] as number;
        stageSeats[st] = cap;
        const rooms = split[st] && split[st] > 0 ? split[st] : Math.ceil(cap / size[st]);
        state.units.set(unitKey(ref, st), { open: true, capacity: cap, rooms, township: p.township as string, absorbs: true, absorbOrder: order, closedBy: null });
      });
      state.schools.set(ref, { open: true, kind: p.kind, township: p.township, built: true, facilities: builtFacilities(stageSeats, p.classes, p.floorArea, settings) });
      },
    extend: (state, p) => {
      const ref = p.school as SchoolRef;
      const school = state.schools.get(ref);
      if (!school?.open) return;
      const open = unitsOf(ref).filter((u) => state.units.get(u.key)?.open);
      const unit = open.find((u) => u.stage === p.stage) ?? open[0];
      if (!unit) return;
      const st = state.units.get(unit.key) as UnitState;
      const seats = p.seats > 0 ? p.seats : p.classes * size[unit.stage];
      const classes = p.classes > 0 ? p.classes : Math.ceil(seats / size[unit.stage]);
      state.units.set(unit.key, { ...st, capacity: st.capacity + seats, rooms: st.rooms + classes });
      const add = builtFacilities({ [unit.stage]: seats }, classes, p.floorArea, settings);
      const f = school.facilities;
      state.schools.set(ref, {
        ...school,
        facilities: {
          teachingArea: f.teachingArea + add.teachingArea,
          // An extension rarely adds sports ground.
          sportsArea: f.sportsArea,
          equipmentValue: f.equipmentValue + add.equipmentValue,
          multimediaRooms: f.multimediaRooms + add.multimediaRooms,
        },
      });
      },
    move: (state, p, order) => {
      const ref = p.school as SchoolRef;
      const school = state.schools.get(ref);
      if (!school?.open || !p.township) return;
      const open = unitsOf(ref).filter((u) => state.units.get(u.key)?.open);
      const weights = open.map((u) => state.units.get(u.key)?.capacity ?? 0);
      const seats = splitByWeights(p.seats, weights);
      const rooms = splitByWeights(p.classes, weights);
      const stageSeats: Partial<Record<Stage, number>> = {};
      open.forEach((u, i) => {
        const cap = seats[i] as number;
        stageSeats[u.stage] = cap;
        const r = (rooms[i] as number) > 0 ? (rooms[i] as number) : Math.ceil(cap / size[u.stage]);
        state.units.set(u.key, { open: true, capacity: cap, rooms: r, township: p.township as string, absorbs: true, absorbOrder: order, closedBy: null });
      });
      state.schools.set(ref, { ...school, township: p.township, built: true, facilities: builtFacilities(stageSeats, p.classes, p.floorArea, settings) });
      },
    close: (state, p) => {
      const ref = p.school as SchoolRef;
      const school = state.schools.get(ref);
      if (!school) return;
      for (const u of unitsOf(ref)) {
        const st = state.units.get(u.key);
        if (st?.open) state.units.set(u.key, { ...st, open: false, capacity: 0, rooms: 0, absorbs: false, closedBy: p });
      }
      state.schools.set(ref, { ...school, open: false });
      },
    convert: (state, p, order) => {
      const ref = p.school as SchoolRef;
      const school = state.schools.get(ref);
      if (!school?.open || !p.kind) return;
      const keep = new Set(KIND_STAGES[p.kind]);
      for (const u of unitsOf(ref)) {
        const st = state.units.get(u.key);
        if (st?.open && !keep.has(u.stage)) state.units.set(u.key, { ...st, open: false, capacity: 0, rooms: 0, absorbs: false, closedBy: p });
      }
      const split = classesByStage(p.kind, p.classes, system);
      const stages = KIND_STAGES[p.kind];
      const seats = splitByWeights(p.seats, stages.map((st) => (split[st] ?? 0) * size[st] || size[st]));
      stages.forEach((st, i) => {
        const key = unitKey(ref, st);
        const prev = state.units.get(key);
        const cap = seats[i] as number;
        const rooms = split[st] && split[st] > 0 ? split[st] : Math.ceil(cap / size[st]);
        // A stage the school did not teach before starts empty and fills from its area.
        const fresh = !prev?.open;
        state.units.set(key, { open: true, capacity: cap, rooms, township: school.township, absorbs: fresh, absorbOrder: order, closedBy: null });
      });
      state.schools.set(ref, { ...school, kind: p.kind });
      },
    improve: (state, p) => {
      const ref = p.school as SchoolRef;
      const school = state.schools.get(ref);
      const what = PROJECT_TYPE[p.type].improves;
      if (!school?.open || what === null || what === 'resourceRoom') return;
      // The same share of floor area as a new building's 教学及辅助用房; a sports ground is its site area.
      const added = what === 'teachingArea' ? (p.floorArea ?? 0) * 0.6 : (p.siteArea ?? 0);
      state.schools.set(ref, { ...school, facilities: { ...school.facilities, [what]: school.facilities[what] + added } });
      },
    // Boarding places change no seats or 优质均衡 facility; facts.ts counts the school as 寄宿制 once it is done.
    board: () => undefined,
    // A group changes no seats; the group indicators read the action itself (group-actions.ts).
    group: () => undefined,
  };
  const apply = (state: Built, p: PlanProject, order: number): void => {
    if (!blocked.has(p.id)) effects[PROJECT_TYPE[p.type].capacity](state, p, order);
  };

  const cache = new Map<number, YearState>();
  const at = (year: number): YearState => {
    const hit = cache.get(year);
    if (hit) return hit;
    const state: Built = { units: new Map(base.units), schools: new Map(base.schools) };
    active.forEach((p, i) => {
      if (p.completionYear <= year) apply(state, p, i + 1);
    });
    const out: YearState = { year, units: state.units, schools: state.schools };
    cache.set(year, out);
    return out;
  };

  return { schools, units, active, problems, blocked, at };
}
