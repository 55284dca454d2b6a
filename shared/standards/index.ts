// National standards and the program's reference values, each number beside the document
// it comes from. Plan settings take their defaults from here, and pages without a plan read
// those defaults, so a number is written once. Where no national document sets a figure,
// the source says 参考值 (reference value) or 本程序默认 (the program's own choice).
// See docs/ARCHITECTURE.md, "Standards".
import type { SchoolKind, Stage } from '../domain/stages';

/** The documents cited, by number and year. */
const DOCS = {
  urbanSchoolBuilding: '建标102-2002《城市普通中小学校校舍建设标准》',
  ruralSchoolBuilding: '建标109-2008《农村普通中小学校建设标准》',
  kindergartenBuilding: '建标175-2016《幼儿园建设标准》',
  specialSchoolBuilding: '建标156-2011《特殊教育学校建设标准》',
  kindergartenRules: '《幼儿园工作规程》（教育部令第39号，2016年）',
  kindergartenStaffing: '《幼儿园教职工配备标准（暂行）》（教师〔2013〕1号）',
  compulsoryIntegration: '《国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见》（国发〔2016〕40号）',
  qualityBalance: '《县域义务教育优质均衡发展督导评估办法》（教督〔2017〕6号）',
  countySeniorSchools: '《“十四五”县域普通高中发展提升行动计划》（2021年）',
  preschoolPlan: '《“十四五”学前教育发展提升行动计划》（2021年）',
  fiveYearPlan: '《国民经济和社会发展第十四个五年规划和2035年远景目标纲要》（2021年）',
  specialEducation: '《第二期特殊教育提升计划（2017—2020年）》（2017年）',
  residentialPlanning: 'GB 50180-2018《城市居住区规划设计标准》',
  staffing: '《关于统一城乡中小学教职工编制标准的通知》（中央编办发〔2014〕72号）',
  reference: '参考值',
  program: '本程序默认',
} as const;

/** One number (or table) and where it comes from. */
export interface Standard<T> {
  readonly value: T;
  readonly source: string;
}

function std<T>(value: T, source: string): Standard<T> {
  return { value, source };
}

/** A class of students per stage. */
const CLASS_SIZE = std(
  { preschool: 30, primary: 45, junior: 50, senior: 50, special: 12, vocational: 45 } satisfies Record<Stage, number>,
  `${DOCS.urbanSchoolBuilding}：小学每班 45 人、中学每班 50 人；${DOCS.kindergartenRules}：混合班 30 人；特殊教育、中职为参考值`,
);

export const STANDARDS = {
  // --- Classes ---------------------------------------------------------------------------
  classSize: CLASS_SIZE,
  /** Kindergarten classes by grade: 小班, 中班, 大班 (混龄 is the stage's standard size). */
  kindergartenClassSize: std([25, 30, 35] as const, `${DOCS.kindergartenRules}：小班 25 人、中班 30 人、大班 35 人、混合班 30 人`),
  /** 大班额: classes of this many students or more. */
  largeClass: std(56, `${DOCS.compulsoryIntegration}：消除 56 人以上大班额`),
  /** 超大班额: classes of this many students or more, to be eliminated first. */
  oversizedClass: std(66, `${DOCS.compulsoryIntegration}：消除 66 人以上超大班额`),
  /** Stages the 大班额 norms count; kindergarten and special classes follow norms of their own. */
  largeClassStages: std(['primary', 'junior', 'senior'] as const satisfies readonly Stage[], DOCS.compulsoryIntegration),

  // --- School size -------------------------------------------------------------------------
  /** Students a school should not exceed. */
  schoolSize: {
    primary: std(2000, `${DOCS.qualityBalance}：小学、初中规模不超过 2000 人`),
    junior: std(2000, `${DOCS.qualityBalance}：小学、初中规模不超过 2000 人`),
    /** 九年一贯制 / 十二年一贯制, compulsory stage. */
    combined: std(2500, `${DOCS.qualityBalance}：九年一贯制、十二年一贯制学校义务教育阶段不超过 2500 人`),
    senior: std(3000, `${DOCS.countySeniorSchools}：新建普通高中规模不超过 3000 人`),
    kindergarten: std(360, `${DOCS.kindergartenRules}：幼儿园规模一般不超过 360 人`),
  },

  // --- Building norms ----------------------------------------------------------------------
  /** Class counts of a standard new school, urban and rural. */
  standardClassCounts: std(
    {
      primary: { urban: [12, 18, 24, 30], rural: [6, 12, 18, 24] },
      junior: { urban: [12, 18, 24, 30], rural: [12, 18, 24] },
      nine_year: { urban: [18, 27, 36, 45], rural: [18, 27, 36] },
      senior: { urban: [18, 24, 30, 36], rural: [18, 24, 30, 36] },
      kindergarten: { urban: [6, 9, 12], rural: [3, 6, 9, 12] },
      special: { urban: [9, 18, 27], rural: [9, 18, 27] },
    } satisfies Partial<Record<SchoolKind, { urban: number[]; rural: number[] }>>,
    `城区 ${DOCS.urbanSchoolBuilding}，乡村 ${DOCS.ruralSchoolBuilding}；幼儿园 ${DOCS.kindergartenBuilding}；特殊教育学校 ${DOCS.specialSchoolBuilding}`,
  ),
  /** Floor area per student, m²: [classes, basic (基本指标), planning (规划指标)]. */
  floorAreaPerStudent: std(
    {
      primary: [[12, 6.6, 10.0], [18, 5.8, 8.3], [24, 5.4, 7.9], [30, 5.2, 7.2]],
      junior: [[12, 7.9, 11.4], [18, 7.1, 10.1], [24, 6.7, 9.8], [30, 6.4, 9.0]],
      nine_year: [[18, 6.5, 9.3], [27, 5.8, 7.9], [36, 5.6, 8.0], [45, 5.5, 7.8]],
      senior: [[18, 7.4, 10.4], [24, 6.9, 10.0], [30, 6.6, 9.2], [36, 6.4, 8.9]],
    } satisfies Partial<Record<SchoolKind, readonly (readonly [number, number, number])[]>>,
    DOCS.urbanSchoolBuilding,
  ),
  /** Kindergartens and special schools are outside 建标102-2002: reference rows of the same shape. */
  floorAreaPerStudentReference: std(
    {
      kindergarten: [[3, 11.8, 11.8], [6, 10.2, 10.2], [9, 9.7, 9.7], [12, 9.3, 9.3]],
      special: [[9, 30, 30], [18, 26, 26], [27, 24, 24]],
    } satisfies Partial<Record<SchoolKind, readonly (readonly [number, number, number])[]>>,
    DOCS.reference,
  ),
  /** Site area per student, m² (local norms vary). */
  siteAreaPerStudent: std(
    {
      kindergarten: 15,
      primary: 18,
      teaching_point: 18,
      junior: 20,
      nine_year: 19,
      complete_middle: 21,
      senior: 22,
      twelve_year: 20,
      vocational: 25,
      special: 30,
    } satisfies Record<SchoolKind, number>,
    DOCS.reference,
  ),
  /** 建安造价, 元 per m² of floor area. */
  costPerM2: std(3000, DOCS.reference),

  // --- 优质均衡 -------------------------------------------------------------------------------
  /** Per-school indicator thresholds, primary / junior. */
  balance: std(
    {
      primary: { qualified: 4.2, key: 1, peArts: 0.9, teachingArea: 4.5, sportsArea: 7.5, equipment: 2000, multimedia: 2.3 },
      junior: { qualified: 5.3, key: 1, peArts: 0.9, teachingArea: 5.8, sportsArea: 10.2, equipment: 2500, multimedia: 2.4 },
    },
    DOCS.qualityBalance,
  ),
  /** A school passes when at least this many of the 7 indicators are met … */
  balanceMinPass: std(6, DOCS.qualityBalance),
  /** … and each remaining one reaches this share of its threshold. */
  balanceRemainderShare: std(0.85, DOCS.qualityBalance),
  /** Between-school coefficient of variation, at most. */
  balanceCvLimit: std({ primary: 0.5, junior: 0.45 }, DOCS.qualityBalance),
  /** Teaching points with fewer students are left out of the indicators and the CV. */
  balanceMinStudents: std(50, DOCS.reference),

  // --- Service distance and staff --------------------------------------------------------
  /** 服务半径 in urban residential areas, m. */
  serviceRadius: std({ kindergarten: 300, primary: 500, junior: 1000 }, DOCS.residentialPlanning),
  /** Students per teaching post (编制), urban and rural alike. */
  studentsPerTeacher: std({ primary: 19, junior: 13.5, senior: 12.5 }, DOCS.staffing),
  /** Full-day kindergarten staff per class. */
  kindergartenStaffPerClass: std({ teachers: 2, carers: 1 }, DOCS.kindergartenStaffing),

  // --- The program's own ---------------------------------------------------------------------
  /** 学位预警: red above `red` use, orange from `orange`, blue below `blue`, green between. */
  seatLevels: std({ red: 1, orange: 0.9, blue: 0.6 }, DOCS.program),

  // --- Plan targets (规划指标) --------------------------------------------------------------
  targets: {
    preschoolGrossRate: std(90, `${DOCS.preschoolPlan}：学前三年毛入园率达到 90% 以上`),
    inclusiveKindergartenCoverage: std(85, `${DOCS.preschoolPlan}：普惠性幼儿园覆盖率达到 85% 以上`),
    publicKindergartenShare: std(50, `${DOCS.preschoolPlan}：公办园在园幼儿占比原则上达到 50%`),
    townshipCentralKindergarten: std(100, `${DOCS.reference}：每个乡镇至少 1 所公办中心幼儿园`),
    compulsoryRetention: std(96, `${DOCS.fiveYearPlan}：九年义务教育巩固率 96%`),
    seniorGrossRate: std(92, `${DOCS.fiveYearPlan}：高中阶段教育毛入学率 92% 以上`),
    balanceSchoolsShare: std(100, DOCS.qualityBalance),
    specialSchools: std(1, `${DOCS.specialEducation}：20 万人口以上的县独立设置特殊教育学校`),
  },
} as const;
