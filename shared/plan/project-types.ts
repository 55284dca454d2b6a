// The five kinds of plan project and everything that differs between them, in one place:
// which fields the planner fills, what the validation demands, how the project changes
// seats and classes in the timeline, and which annex lists it. Code that branches on a
// project's type reads its entry here instead of naming the type, so a type's behaviour is
// one entry and the compiler refuses an incomplete one (see docs/ARCHITECTURE.md,
// "Registries").

export const PROJECT_TYPES = ['新建', '改扩建', '迁建', '撤并', '转型'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/**
 * How a completed project changes the seats of the timeline:
 * - open: a new school opens with `classes` and `seats`;
 * - extend: one stage of the school gains `classes` and `seats`;
 * - move: the school moves to `township` and has `classes` and `seats` there;
 * - close: the school closes, its students go to the receivers;
 * - convert: the school becomes a `kind` school with `classes` and `seats`, the students of
 *   stages it stops teaching go to the receivers.
 */
export type CapacityEffect = 'open' | 'extend' | 'move' | 'close' | 'convert';

/** A field a type cannot do without, and what the planner is told when it is missing. */
export type RequiredField = 'school' | 'kind' | 'township' | 'seats' | 'classesOrSeats' | 'receivers';

export interface ProjectTypeSpec {
  /** What the type does, for lists and tooltips. */
  description: string;
  capacity: CapacityEffect;
  /** Creates a school (`new:<id>`) instead of naming an existing one in `school`. */
  createsSchool: boolean;
  /** The school's kind after completion is the project's `kind` (else the school's own). */
  ownKind: boolean;
  /** The school stands in the project's `township` after completion (else where it was). */
  ownTownship: boolean;
  /** The planner chooses the stage that grows. */
  stage: boolean;
  /** Builds something: classes, seats, floor area and cost are filled (and estimated). */
  builds: boolean;
  /** `classes` and `seats` are added to what the school has, not its new total. */
  increment: boolean;
  /** Students leave the school for `receivers` (so the school must still be open). */
  receivers: boolean;
  required: Partial<Record<RequiredField, string>>;
  /** Listed in 附件4 新建改扩建学校项目表. */
  construction: boolean;
  /** Place in 附件5 学校布局调整表 (null: not listed there). */
  adjustmentOrder: number | null;
  /** "2028 年建成后利用率仅 40%". */
  doneVerb: '建成' | '完成';
  /** Tag colour in the projects table (an Ant Design preset). */
  color: string;
}

export const PROJECT_TYPE = {
  新建: {
    description: '新建一所学校',
    capacity: 'open',
    createsSchool: true,
    ownKind: true,
    ownTownship: true,
    stage: false,
    builds: true,
    increment: false,
    receivers: false,
    required: { kind: '新建项目请选择学校类型', township: '新建项目请选择所在乡镇', seats: '新建项目请填写学位数' },
    construction: true,
    adjustmentOrder: null,
    doneVerb: '建成',
    color: 'green',
  },
  改扩建: {
    description: '现有学校增加班级和学位',
    capacity: 'extend',
    createsSchool: false,
    ownKind: false,
    ownTownship: false,
    stage: true,
    builds: true,
    increment: true,
    receivers: false,
    required: { school: '改扩建项目请选择学校', classesOrSeats: '改扩建项目请填写增加的班数或学位数' },
    construction: true,
    adjustmentOrder: null,
    doneVerb: '完成',
    color: 'blue',
  },
  迁建: {
    description: '学校迁至新校址',
    capacity: 'move',
    createsSchool: false,
    ownKind: false,
    ownTownship: true,
    stage: false,
    builds: true,
    increment: false,
    receivers: false,
    required: { school: '迁建项目请选择学校', township: '迁建项目请选择新校址所在乡镇', seats: '迁建项目请填写迁建后的学位数' },
    construction: true,
    adjustmentOrder: 2,
    doneVerb: '建成',
    color: 'cyan',
  },
  撤并: {
    description: '学校撤销，学生并入接收学校',
    capacity: 'close',
    createsSchool: false,
    ownKind: false,
    ownTownship: false,
    stage: false,
    builds: false,
    increment: false,
    receivers: true,
    required: { school: '撤并项目请选择被撤并的学校', receivers: '撤并项目请指定接收学校' },
    construction: false,
    adjustmentOrder: 1,
    doneVerb: '完成',
    color: 'red',
  },
  转型: {
    description: '学校改办其他类型学校',
    capacity: 'convert',
    createsSchool: false,
    ownKind: true,
    ownTownship: false,
    stage: false,
    builds: true,
    increment: false,
    receivers: true,
    required: { school: '转型项目请选择学校', kind: '转型项目请选择转型后的学校类型', seats: '转型项目请填写转型后的学位数' },
    construction: false,
    adjustmentOrder: 3,
    doneVerb: '完成',
    color: 'purple',
  },
} as const satisfies Record<ProjectType, ProjectTypeSpec>;

export function projectType(type: ProjectType): ProjectTypeSpec {
  return PROJECT_TYPE[type];
}

type Registry = typeof PROJECT_TYPE;

/** 建设性质 of 附件4: the types listed as construction. */
export type ConstructionType = { [K in ProjectType]: Registry[K]['construction'] extends true ? K : never }[ProjectType];
/** 调整方式 of 附件5. */
export type AdjustmentType = { [K in ProjectType]: Registry[K]['adjustmentOrder'] extends number ? K : never }[ProjectType];

export const CONSTRUCTION_TYPES = PROJECT_TYPES.filter((t): t is ConstructionType => PROJECT_TYPE[t].construction);
export const ADJUSTMENT_TYPES = PROJECT_TYPES.filter((t): t is AdjustmentType => PROJECT_TYPE[t].adjustmentOrder !== null).sort(
  (a, b) => (PROJECT_TYPE[a].adjustmentOrder ?? 0) - (PROJECT_TYPE[b].adjustmentOrder ?? 0),
);

export function isConstruction(type: ProjectType): type is ConstructionType {
  return PROJECT_TYPE[type].construction;
}

export function isAdjustment(type: ProjectType): type is AdjustmentType {
  return PROJECT_TYPE[type].adjustmentOrder !== null;
}

/** The fields a project of `type` keeps; the others are cleared before saving. */
export function usedFields(type: ProjectType): { school: boolean; kind: boolean; township: boolean; stage: boolean; size: boolean; receivers: boolean } {
  const s = PROJECT_TYPE[type];
  return { school: !s.createsSchool, kind: s.ownKind, township: s.ownTownship, stage: s.stage, size: s.builds, receivers: s.receivers };
}
