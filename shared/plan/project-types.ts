// The kinds of plan project and everything that differs between them, in one place:
// which fields the planner fills, what the validation demands, how the project changes
// seats and classes in the timeline, and which annex lists it. Code that branches on a
// project's type reads its entry here instead of naming the type, so a type's behaviour is
// one entry and the compiler refuses an incomplete one (see docs/ARCHITECTURE.md,
// "Registries").

export const PROJECT_TYPES = ['新建', '改扩建', '迁建', '撤并', '转型', '提质改造', '改薄', '校舍加固', '运动场', '寄宿', '资源教室', '集团化办学'] as const;
export type ProjectType = (typeof PROJECT_TYPES)[number];

/**
 * How a completed project changes the seats of the timeline:
 * - open: a new school opens with `classes` and `seats`;
 * - extend: one stage of the school gains `classes` and `seats`;
 * - move: the school moves to `township` and has `classes` and `seats` there;
 * - close: the school closes, its students go to the receivers;
 * - convert: the school becomes a `kind` school with `classes` and `seats`, the students of
 *   stages it stops teaching go to the receivers;
 * - improve: seats stay; the school's facilities grow by what the project records (`improves`);
 * - board: seats stay; the school gains `boardingPlaces` (a 寄宿部: dormitory and canteen);
 * - group: seats stay; the school leads a group or the group gains members (group-actions.ts).
 */
export type CapacityEffect = 'open' | 'extend' | 'move' | 'close' | 'convert' | 'improve' | 'board' | 'group';

/** A field a type cannot do without, and what the planner is told when it is missing. */
export type RequiredField = 'school' | 'kind' | 'township' | 'seats' | 'classesOrSeats' | 'receivers' | 'works' | 'boardingPlaces' | 'schoolGroup';

/**
 * The facility a facilities-only project adds to: 教学及辅助用房 from its floor area, 运动场 from its
 * site area, or a 资源教室 (the school has one from completion, for the 资源教室覆盖率 target).
 */
export type Improvement = 'teachingArea' | 'sportsArea' | 'resourceRoom' | null;

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
  /** Builds seats: classes, seats, floor area and cost are filled (and estimated). */
  builds: boolean;
  /** Records floor area, site area and cost without changing seats (facilities-only and 寄宿). */
  works: boolean;
  /** Records the boarding places it adds. */
  boarding: boolean;
  /** Forms or extends a school group (`schoolGroup`), its core being `school`. */
  group: boolean;
  /** What a facilities-only project adds to (null for the others, and for works that add no area). */
  improves: Improvement;
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

/** A facilities-only type: an existing school's buildings or grounds, no seat change, listed in 附件4. */
function facilities<C extends string>(type: string, description: string, improves: Improvement, color: C) {
  return {
    description,
    capacity: 'improve',
    createsSchool: false,
    ownKind: false,
    ownTownship: false,
    stage: false,
    builds: false,
    works: true,
    boarding: false,
    group: false,
    improves,
    increment: false,
    receivers: false,
    required: { school: `${type}项目请选择学校`, works: `${type}项目请填写建筑面积、用地面积或投资` },
    construction: true,
    adjustmentOrder: null,
    doneVerb: '完成',
    color,
  } as const;
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
    works: false,
    boarding: false,
    group: false,
    improves: null,
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
    works: false,
    boarding: false,
    group: false,
    improves: null,
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
    works: false,
    boarding: false,
    group: false,
    improves: null,
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
    works: false,
    boarding: false,
    group: false,
    improves: null,
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
    works: false,
    boarding: false,
    group: false,
    improves: null,
    increment: false,
    receivers: true,
    required: { school: '转型项目请选择学校', kind: '转型项目请选择转型后的学校类型', seats: '转型项目请填写转型后的学位数' },
    construction: false,
    adjustmentOrder: 3,
    doneVerb: '完成',
    color: 'purple',
  },
  提质改造: facilities('提质改造', '改善校舍和设施，不增加学位', 'teachingArea', 'geekblue'),
  改薄: facilities('改薄', '改善薄弱学校基本办学条件，不增加学位', 'teachingArea', 'orange'),
  校舍加固: facilities('校舍加固', '校舍抗震加固或维修，不增加学位和面积', null, 'volcano'),
  运动场: facilities('运动场', '新建或改造运动场地，不增加学位', 'sportsArea', 'lime'),
  寄宿: {
    ...facilities('寄宿', '现有学校增设寄宿部（学生宿舍、食堂），增加寄宿床位，不增加学位', null, 'gold'),
    capacity: 'board',
    boarding: true,
    required: { school: '寄宿项目请选择学校', boardingPlaces: '寄宿项目请填写新增寄宿床位数' },
    doneVerb: '建成',
  },
  资源教室: {
    ...facilities('资源教室', '普通学校建设特殊教育资源教室（随班就读支持），不增加学位', 'resourceRoom', 'cyan'),
    // Its floor area defaults to the guideline's minimum, so the school is all a planner must give.
    required: { school: '资源教室项目请选择学校' },
    doneVerb: '建成',
  },
  集团化办学: {
    ...facilities('集团化办学', '以核心学校组建教育集团（共同体、学区），或为已有集团增加成员学校，不增加学位', null, 'magenta'),
    capacity: 'group',
    works: false,
    group: true,
    required: { school: '集团化办学项目请选择核心学校', schoolGroup: '集团化办学项目请填写集团名称并选择成员学校' },
    // No building and no cost: 附件4 lists construction, 附件10 names the group beside its schools.
    construction: false,
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
export function usedFields(type: ProjectType): {
  school: boolean; kind: boolean; township: boolean; stage: boolean; size: boolean; works: boolean; boarding: boolean; receivers: boolean; group: boolean;
  development: boolean;
} {
  const s: ProjectTypeSpec = PROJECT_TYPE[type];
  return {
    school: !s.createsSchool, kind: s.ownKind, township: s.ownTownship, stage: s.stage, size: s.builds,
    works: s.builds || s.works, boarding: s.boarding, receivers: s.receivers, group: s.group,
    // Only a new school can stand on a development's reserved site.
    development: s.createsSchool,
  };
}
