// National standards and the program's reference values, each number beside the document
// it comes from. Plan settings take their defaults from here, and pages without a plan read
// those defaults, so a number is written once. Where no national document sets a figure,
// the source says 参考值 (reference value) or 本程序默认 (the program's own choice).
// See docs/ARCHITECTURE.md, "Standards".
import type { SchoolKind, Stage } from '../domain/stages';

/** The documents cited: title, issuing body, number and year, as a planner would quote them. */
const DOCS = {
  // The 2002 standard is cited by the number of the notice that published it, 建标〔2002〕102号
  // (建设部、国家计委、教育部, 2002-04-17), the form printed on the standard itself.
  urbanSchoolBuilding: '《城市普通中小学校校舍建设标准》（建设部、国家计委、教育部，建标〔2002〕102号，2002年）',
  ruralSchoolBuilding: '《农村普通中小学校建设标准》（建标109-2008）',
  kindergartenBuilding: '《幼儿园建设标准》（建标175-2016）',
  specialSchoolBuilding: '《特殊教育学校建设标准》（建标156-2011）',
  schoolDesign: '《中小学校设计规范》（GB 50099-2011）',
  kindergartenRules: '《幼儿园工作规程》（教育部令第39号，2016年）',
  kindergartenStaffing: '《幼儿园教职工配备标准（暂行）》（教育部，教师〔2013〕1号，2013年）',
  compulsoryIntegration: '《国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见》（国发〔2016〕40号，2016年）',
  qualityBalance: '《县域义务教育优质均衡发展督导评估办法》（教育部，教督〔2017〕6号，2017年）',
  // The action plans' own document numbers were not found in a source that could be checked,
  // so they are cited by issuing bodies and date rather than by a guessed number.
  countySeniorSchools: '《“十四五”县域普通高中发展提升行动计划》（教育部等部门，2021年12月印发）',
  preschoolPlan: '《“十四五”学前教育发展提升行动计划》（教育部等九部门，2021年12月印发）',
  specialEducation: '《“十四五”特殊教育发展提升行动计划》（国务院办公厅转发，国办发〔2021〕60号，2021年）',
  educationOutline2010: '《国家中长期教育改革和发展规划纲要（2010—2020年）》（中共中央、国务院，2010年）',
  fiveYearPlan: '《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》（2021年）',
  publicServices: '《“十四五”公共服务规划》（国家发展改革委等21部门，2022年1月公布）',
  residentialPlanning: '《城市居住区规划设计标准》（GB 50180-2018）附录B',
  staffing2001: '《国务院办公厅转发中央编办、教育部、财政部关于制定中小学教职工编制标准意见的通知》（国办发〔2001〕74号，2001年）',
  staffing: '《中央编办 教育部 财政部关于统一城乡中小学教职工编制标准的通知》（中央编办发〔2014〕72号，2014年）',
  ruralTeachers: '《国务院办公厅关于印发乡村教师支持计划（2015—2020年）的通知》（国办发〔2015〕43号，2015年）',
  smallRuralSchools: '《国务院办公厅关于全面加强乡村小规模学校和乡镇寄宿制学校建设的指导意见》（国办发〔2018〕27号，2018年）',
  teacherExchange: '《关于推进县（区）域内义务教育学校校长教师交流轮岗的意见》（教育部 财政部 人力资源社会保障部，教师〔2014〕4号，2014年）',
  resourceRooms: '《普通学校特殊教育资源教室建设指南》（教育部办公厅，教基二厅〔2016〕1号，2016年）',
  reference: '参考值（本程序取值，非国家文件规定）',
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

// Class sizes: GB 50099-2011 第3.0.1条 (完全小学每班45人；完全中学、初级中学、高级中学每班50人) and
// 建标〔2002〕102号 第六条 state the same sizes; the design code is cited first because it is the
// one in force for new buildings. Kindergarten sizes and the 360 cap: 《幼儿园工作规程》第十一条.
/** A class of students per stage. */
const CLASS_SIZE = std(
  { preschool: 30, primary: 45, junior: 50, senior: 50, special: 12, vocational: 45 } satisfies Record<Stage, number>,
  `${DOCS.schoolDesign}第3.0.1条、${DOCS.urbanSchoolBuilding}第六条：小学每班 45 人，初中、高中每班 50 人；` +
    `${DOCS.kindergartenRules}第十一条：混合班 30 人；特殊教育每班 12 人、中职每班 45 人为${DOCS.reference}`,
);

export const STANDARDS = {
  // --- Classes ---------------------------------------------------------------------------
  classSize: CLASS_SIZE,
  /** Kindergarten classes by grade: 小班, 中班, 大班 (混龄 is the stage's standard size). */
  kindergartenClassSize: std(
    [25, 30, 35] as const,
    `${DOCS.kindergartenRules}第十一条：小班 25 人、中班 30 人、大班 35 人、混合班 30 人`,
  ),
  // 56/66 are set by 国发〔2016〕40号 itself ("到2018年基本消除66人以上超大班额，到2020年基本消除56人以上
  // 大班额", 中新网 2016-07-11 report of the 意见; full text on moe.gov.cn, jyb_xxgk/moe_1777/moe_1778/
  // 201607/t20160711_271476.html); 教基一厅〔2016〕4号 only asked provinces for plans against them.
  // 40号 covers compulsory education; the 县中 plan applies the same 56 line to 普通高中.
  /** 大班额: classes of this many students or more. */
  largeClass: std(56, `${DOCS.compulsoryIntegration}：到 2020 年基本消除 56 人以上大班额`),
  /** 超大班额: classes of this many students or more, to be eliminated first. */
  oversizedClass: std(66, `${DOCS.compulsoryIntegration}：到 2018 年基本消除 66 人以上超大班额`),
  /** Stages the 大班额 norms count; kindergarten and special classes follow norms of their own. */
  largeClassStages: std(
    ['primary', 'junior', 'senior'] as const satisfies readonly Stage[],
    `小学、初中：${DOCS.compulsoryIntegration}；普通高中：${DOCS.countySeniorSchools}：全面消除 56 人及以上大班额`,
  ),

  // --- School size -------------------------------------------------------------------------
  // 教督〔2017〕6号, 政府保障程度: 小学、初中规模不超过2000人，九年一贯制、十二年一贯制学校义务教育
  // 阶段规模不超过2500人; number confirmed by 陕西省教育厅 notice (jyt.shaanxi.gov.cn, 2025-10-23).
  // 3000 for new 普通高中: the 县中 plan as reported on its release (2021-12-16): "新建普通高中规模不得超过3000人".
  /** Students a school should not exceed. */
  schoolSize: {
    primary: std(2000, `${DOCS.qualityBalance}：小学、初中规模不超过 2000 人`),
    junior: std(2000, `${DOCS.qualityBalance}：小学、初中规模不超过 2000 人`),
    /** 九年一贯制 / 十二年一贯制, compulsory stage. */
    combined: std(2500, `${DOCS.qualityBalance}：九年一贯制、十二年一贯制学校义务教育阶段规模不超过 2500 人`),
    senior: std(3000, `${DOCS.countySeniorSchools}：新建普通高中规模不得超过 3000 人`),
    kindergarten: std(360, `${DOCS.kindergartenRules}第十一条：幼儿园规模一般不超过 360 人`),
  },

  // --- Building norms ----------------------------------------------------------------------
  // Urban series: 建标〔2002〕102号 第六条. Rural: 建标109-2008 第八条 lists only 完全小学 6/12/18/24 班
  // and 初级中学 12/18/24 班, so the rural 九年制 and 高中 rows repeat the urban series (program's choice).
  // Kindergarten and special-school series were not checked against the text of 建标175-2016 / 建标156-2011.
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
    `城区：${DOCS.urbanSchoolBuilding}第六条；乡村小学、初中：${DOCS.ruralSchoolBuilding}第八条；` +
      `乡村九年制学校、高中无乡村标准，沿用城区系列（${DOCS.program}）；幼儿园：${DOCS.kindergartenBuilding}；` +
      `特殊教育学校：${DOCS.specialSchoolBuilding}（幼儿园、特殊教育学校班数系列未核对原文）`,
  ),
  // 建标〔2002〕102号 表4-1 (基本指标 / 规划指标, 生均建筑面积); every row below matches the table, the
  // senior rows being its 高级中学 column and the complete_middle rows its 完全中学 column (checked
  // against a copy of 表4-1(1)/(2): 完全中学 18/24/30/36 班 基本 7.3/6.8/6.5/6.3, 规划 10.3/9.9/9.1/8.8).
  /** Floor area per student, m²: [classes, basic (基本指标), planning (规划指标)]. */
  floorAreaPerStudent: std(
    {
      primary: [[12, 6.6, 10.0], [18, 5.8, 8.3], [24, 5.4, 7.9], [30, 5.2, 7.2]],
      junior: [[12, 7.9, 11.4], [18, 7.1, 10.1], [24, 6.7, 9.8], [30, 6.4, 9.0]],
      nine_year: [[18, 6.5, 9.3], [27, 5.8, 7.9], [36, 5.6, 8.0], [45, 5.5, 7.8]],
      senior: [[18, 7.4, 10.4], [24, 6.9, 10.0], [30, 6.6, 9.2], [36, 6.4, 8.9]],
      complete_middle: [[18, 7.3, 10.3], [24, 6.8, 9.9], [30, 6.5, 9.1], [36, 6.3, 8.8]],
    } satisfies Partial<Record<SchoolKind, readonly (readonly [number, number, number])[]>>,
    `${DOCS.urbanSchoolBuilding}表4-1：生均建筑面积基本指标、规划指标（高中取高级中学列，完全中学取完全中学列）`,
  ),
  // 建标109-2008 第九条 has its own table for 乡(镇)及以下 schools (completed 小学 6–24 班, 初中 12–24 班,
  // plus 学生宿舍/食堂 for boarders); only its text up to 第九条 could be read, not the table, so rural
  // schools are sized with the urban rows and every estimate for one says so.
  /** How schools in 乡村 townships are sized while the rural table is unconfirmed. */
  ruralFloorArea: std(
    'urban-rows' as const,
    `乡村学校适用${DOCS.ruralSchoolBuilding}第九条的校舍建筑面积指标表，该表数值未能核对原文，暂按${DOCS.urbanSchoolBuilding}表4-1 测算（参考值）`,
  ),
  /** Kindergartens and special schools are outside 建标〔2002〕102号: reference rows of the same shape. */
  // 建标175-2016 and 建标156-2011 are the standards in force for these kinds; their tables could not be
  // read in a checkable copy, so the rows stay reference values and are labelled with both facts.
  floorAreaPerStudentReference: std(
    {
      kindergarten: [[3, 11.8, 11.8], [6, 10.2, 10.2], [9, 9.7, 9.7], [12, 9.3, 9.3]],
      special: [[9, 30, 30], [18, 26, 26], [27, 24, 24]],
    } satisfies Partial<Record<SchoolKind, readonly (readonly [number, number, number])[]>>,
    `幼儿园适用${DOCS.kindergartenBuilding}、特殊教育学校适用${DOCS.specialSchoolBuilding}，其面积指标表未能核对原文，以下为${DOCS.reference}`,
  ),
  // Land per pupil is not set by 建标〔2002〕102号 (a floor-area standard); the national land figures
  // are in 建标109-2008 第十条 (校园用地, 乡(镇)及以下 schools), 建标175-2016 (幼儿园用地) and
  // 建标156-2011 (特殊教育学校用地), and cities follow their province's 中小学校建设用地指标. None
  // of those tables could be read in a checkable copy (searched again: the stored copies of
  // 建标109-2008 stop at 第九条), so both series stay reference values. The rural series is
  // larger because a small school still needs a full running track and, in 乡村, its boarding
  // buildings, spread over fewer pupils. 城区 schools take the urban series, 镇区 and 乡村 the
  // rural one (建标109-2008 第三条: 乡(镇)及以下).
  /** Site area per student, m², by kind: urban (城区) and rural (镇区、乡村). */
  siteAreaPerStudent: std(
    {
      urban: {
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
      },
      rural: {
        kindergarten: 18,
        primary: 23,
        teaching_point: 25,
        junior: 25,
        nine_year: 24,
        complete_middle: 26,
        senior: 27,
        twelve_year: 25,
        vocational: 30,
        special: 35,
      },
    } satisfies Record<'urban' | 'rural', Record<SchoolKind, number>>,
    `城区学校按本省中小学校建设用地指标，乡村学校适用${DOCS.ruralSchoolBuilding}第十条、幼儿园适用${DOCS.kindergartenBuilding}、` +
      `特殊教育学校适用${DOCS.specialSchoolBuilding}的用地指标，以上用地指标表均未能核对原文，` +
      `城区、乡村（含镇区）生均用地为${DOCS.reference}，请按本省标准修改`,
  ),
  /** 建安造价, 元 per m² of floor area. */
  costPerM2: std(3000, DOCS.reference),
  // 教督〔2017〕6号 资源配置: 生均教学仪器设备值 小学 2000 元、初中 2500 元 (the same thresholds as
  // `balance` below), used as the equipment a new seat needs; the other stages have no national figure.
  /** 设备购置, 元 per seat (new or added). */
  equipmentPerStudent: std(
    { primary: 2000, junior: 2500 },
    `${DOCS.qualityBalance}：生均教学仪器设备值小学 2000 元、初中 2500 元`,
  ),
  equipmentPerStudentReference: std({ preschool: 1000, senior: 3000, special: 4000, vocational: 4000 }, DOCS.reference),
  /** 室外工程 (道路、运动场、绿化、围墙、管网), 元 per m² of site area. */
  siteWorksPerM2: std(200, DOCS.reference),
  // 建标109-2008 adds 学生宿舍 and 学生食堂 for boarders to a rural school's floor area, but its table
  // could not be read in a checkable copy; the figures are of the order GB 50099-2011 sets for a
  // bedroom's net area per bed (3.0 m² with single beds), plus corridors and washrooms, and a canteen
  // seating boarders. They are reference values the planner should replace with the province's norm.
  /** Floor area a 寄宿部 needs per boarding place, m²: dormitory and canteen. */
  boardingAreaPerPlace: std(
    { dormitory: 4.0, canteen: 1.5 },
    `寄宿制学校另计学生宿舍、食堂面积（${DOCS.ruralSchoolBuilding}），其指标表未能核对原文；宿舍每床 4.0 ㎡、食堂每寄宿生 1.5 ㎡ 为${DOCS.reference}`,
  ),

  // --- 优质均衡 -------------------------------------------------------------------------------
  // 教督〔2017〕6号, 资源配置 (7 项): thresholds, "每所学校至少6项指标达到上述要求，余项不能低于要求的85%",
  // and 差异系数 小学、初中分别不高于0.50、0.45. The thresholds and CV limits match a published summary
  // of the 办法 (fudaoke.com/exam/3242393.html); the 85% clause is quoted from the 办法 as commonly cited.
  /** Per-school indicator thresholds, primary / junior. */
  balance: std(
    {
      primary: { qualified: 4.2, key: 1, peArts: 0.9, teachingArea: 4.5, sportsArea: 7.5, equipment: 2000, multimedia: 2.3 },
      junior: { qualified: 5.3, key: 1, peArts: 0.9, teachingArea: 5.8, sportsArea: 10.2, equipment: 2500, multimedia: 2.4 },
    },
    `${DOCS.qualityBalance}：资源配置 7 项指标`,
  ),
  /** A school passes when at least this many of the 7 indicators are met … */
  balanceMinPass: std(6, `${DOCS.qualityBalance}：每所学校至少 6 项指标达到要求`),
  /** … and each remaining one reaches this share of its threshold. */
  balanceRemainderShare: std(0.85, `${DOCS.qualityBalance}：余项不能低于要求的 85%`),
  /** Between-school coefficient of variation, at most. */
  balanceCvLimit: std({ primary: 0.5, junior: 0.45 }, `${DOCS.qualityBalance}：校际差异系数小学不高于 0.50、初中不高于 0.45`),
  /** Teaching points with fewer students are left out of the indicators and the CV. */
  balanceMinStudents: std(50, DOCS.reference),

  // --- Service distance and staff --------------------------------------------------------
  // GB 50180-2018 附录B: 初中、小学、幼儿园 服务半径不宜大于 1000 m、500 m、300 m (the same three
  // figures as the 2002 edition of GB 50180-93, which is where a checkable copy was found).
  /** 服务半径 in urban residential areas, m. */
  serviceRadius: std(
    { kindergarten: 300, primary: 500, junior: 1000 },
    `${DOCS.residentialPlanning}：幼儿园、小学、初中服务半径分别不宜大于 300 m、500 m、1000 m`,
  ),
  // No national document sets a rural 服务半径 for daily travel; provinces set their own in
  // their school-layout norms. The figures below are the ones those norms commonly use
  // (小学 2.5 km, 初中 5 km walking or by school bus, 幼儿园 1 km). The province's own document
  // could not be checked here, so they are reference values the planner should replace.
  // Searched again for provincial 中小学校布局规划导则 / 办学条件标准 with a rural 服务半径: none
  // was found among the stored public pages; a 2020 study of rural school provision
  // (m.zgkjsz.com/page/2020/0601/14382232.shtml) also notes that no specific standard exists
  // for rural public-service facilities, so the values stay 参考值.
  /** 服务半径 outside urban areas (镇区 and 乡村 townships), m. */
  ruralServiceRadius: std(
    { kindergarten: 1000, primary: 2500, junior: 5000 },
    `${DOCS.reference}：乡村幼儿园 1000 m、小学 2500 m、初中 5000 m，各省农村中小学布局规定不一，请按本省标准修改`,
  ),
  /** Road distance over straight-line distance (路网系数). */
  roadFactor: std(1.3, `${DOCS.reference}：道路距离约为直线距离的 1.3 倍`),
  // Travel time as an alternative to distance. GB 50180-2018 (第2.0.2–2.0.4条) defines the 15-, 10-
  // and 5-minute 生活圈 by walking time, with 初中 in the 15-minute, 小学 in the 10-minute and
  // 幼儿园 in the 5-minute circle; its 服务半径 of 1000, 500 and 300 m above are those walks
  // (a 15-minute circle ≈ 1 km is also how planners read it, e.g. upi-planning.org.cn
  // 2022-05 "15 分钟生活圈"). No national or provincial norm for rural travel time was found among
  // the stored public pages (searched: 小学生上学单程步行时间、初中生乘车时间、农村学校服务半径);
  // a study of 仪征市 (drds.library.net.cn, RFg4LzN4QVdqSFE9) speaks of a 40-minute service radius
  // without naming the document, so the rural minutes and the speeds are reference values.
  // The school-bus limits (80 km/h on expressways, 60 km/h elsewhere, for a bus carrying pupils)
  // are quoted in the regulation's words by the 2015 draft of 山东省校车安全管理办法
  // (aygia.cn/xcxw/ssrd/2015/0313/2015CMJUdZaoB4.html); the regulation's own text was not among
  // the stored pages. They bound the setting; the 30 km/h average stays a reference value.
  /** Walking and school-bus speeds, km/h. */
  travelSpeed: std(
    { walk: 4, bus: 30 },
    `${DOCS.reference}：儿童步行约 4 km/h（15 分钟生活圈约 1 km）；校车平均约 30 km/h（含停靠，《校车安全管理条例》限速高速公路 80、其他道路 60 km/h）`,
  ),
  /** Travel-time thresholds in 城区 townships (walking), minutes. */
  urbanTravelMinutes: std(
    { kindergarten: 5, primary: 10, junior: 15 },
    `${DOCS.residentialPlanning.replace('附录B', '第2.0.2–2.0.4条')}：幼儿园在 5 分钟、小学在 10 分钟、初中在 15 分钟生活圈内（步行）`,
  ),
  /** Travel-time thresholds in 镇区 and 乡村 townships, minutes (初中 by school bus by default). */
  ruralTravelMinutes: std(
    { kindergarten: 20, primary: 30, junior: 40 },
    `${DOCS.reference}：乡村幼儿园步行 20 分钟、小学步行 30 分钟、初中乘校车 40 分钟，各省规定不一，请按本省标准修改`,
  ),
  // The ratios are the 城市 column of 国办发〔2001〕74号's table (高中1:12.5、初中1:13.5、小学1:19, checked
  // against a copy of the table); 中央编办发〔2014〕72号 extended them to 县镇 and 农村 schools. The 2014
  // notice's own text was not found to check.
  /** Students per teaching post (编制), urban and rural alike. */
  studentsPerTeacher: std(
    { primary: 19, junior: 13.5, senior: 12.5 },
    `${DOCS.staffing}：县镇、农村中小学统一执行${DOCS.staffing2001}的城市标准，教职工与学生比小学 1:19、初中 1:13.5、高中 1:12.5`,
  ),
  // 《幼儿园教职工配备标准（暂行）》二: 全日制幼儿园每班配备2名专任教师和1名保育员; notice 教师〔2013〕1号
  // of 2013-01-08 (moe.gov.cn/srcsite/A10/s7151/201301/t20130115_147148.html).
  /** Full-day kindergarten staff per class. */
  kindergartenStaffPerClass: std(
    { teachers: 2, carers: 1 },
    `${DOCS.kindergartenStaffing}：全日制幼儿园每班配备 2 名专任教师和 1 名保育员`,
  ),

  // --- Teachers (编制) -------------------------------------------------------------------------
  // 国办发〔2015〕43号 (五): 乡村中小学教职工编制按照城市标准统一核定，其中村小学、教学点编制按照生师比与班师比
  // 相结合的方式核定; 国办发〔2018〕27号 repeats it for 小规模学校. Neither sets the class–teacher figure (the
  // provinces do, commonly 1:1.5–1:2 for 村小 and about 1:1.5 for 教学点), so the figures are reference values.
  /** Teachers per class for 村小 (rural primary schools) and 教学点, the class rule of small rural schools. */
  teachersPerClass: std(
    { villagePrimary: 1.7, teachingPoint: 1.5 },
    `${DOCS.ruralTeachers}：村小学、教学点编制按照生师比与班师比相结合的方式核定（${DOCS.smallRuralSchools}同）；` +
      `班师比村小 1:1.7、教学点 1:1.5 为${DOCS.reference}，各省标准不一，可在参数中修改`,
  ),
  /** Share of 专任教师 leaving each year (retirement and other exits) when no age profile is imported. */
  teacherAttrition: std(0.025, `${DOCS.reference}：按约 40 年从教年限折算每年约 2.5% 退休或离岗`),
  /** 交流轮岗: each year at least this share of eligible teachers, of whom this share 骨干. */
  teacherExchange: std(
    { share: 10, keyShare: 20 },
    `${DOCS.teacherExchange}：每年交流轮岗教师比例不低于符合交流条件教师总数的 10%，其中骨干教师不低于交流总数的 20%`,
  ),
  /**
   * 法定退休年龄 (teachers: 男 60, 女 as 专业技术人员 55), raised from 2025 by one month for every
   * four months of birth from the first cohort affected, up to three years. Born before `from`:
   * the old age.
   */
  retirementAge: std(
    { male: { age: 60, from: 1965 }, female: { age: 55, from: 1970 }, monthsPerStep: 4, maxMonths: 36 },
    '《全国人民代表大会常务委员会关于实施渐进式延迟法定退休年龄的决定》（2024年9月13日）及所附《国务院关于渐进式延迟职工法定退休年龄的办法》：' +
      '自2025年1月1日起，男职工法定退休年龄从60周岁、原55周岁退休的女职工从55周岁，每4个月延迟1个月，分别逐步延迟至63周岁、58周岁',
  ),
  /**
   * 教师资格的学历 (the lowest 学历 level each stage's teachers must hold): 0 高中阶段以下,
   * 1 高中阶段 (中等师范、幼儿师范), 2 专科, 3 本科, 4 研究生.
   */
  teacherQualification: std(
    { preschool: 1, primary: 1, junior: 2, senior: 3 },
    '《中华人民共和国教师法》（1993年，2009年修正）第十一条：幼儿园、小学教师应具备幼儿师范学校、中等师范学校毕业及其以上学历，' +
      '初级中学教师应具备高等师范专科学校或者其他大学专科毕业及其以上学历，高级中学教师应具备高等师范院校本科或者其他大学本科毕业及其以上学历',
  ),
  /** Share of women among 专任教师, for retirements from an age table that is not split by sex. */
  teacherFemaleShare: std(0.5, '本程序默认：教师年龄段数据不分性别时按男女各半计，请按本县女教师实际比例设置'),
  // --- The program's own ---------------------------------------------------------------------
  /** 学位预警: red above `red` use, orange from `orange`, blue below `blue`, green between. */
  seatLevels: std({ red: 1, orange: 0.9, blue: 0.6 }, DOCS.program),

  // --- Plan targets (规划指标) --------------------------------------------------------------
  // 学前: 新华社 2021-12-16 on the 学前 plan: 毛入园率90%以上、普惠性覆盖率85%以上、公办园在园幼儿占比
  // 50%以上. 92%: 纲要 (国新办 2021-03-08 briefing). The 96% 巩固率 is cited to the 公共服务规划, whose
  // indicator list states it (新华社 2022-01-10); the 纲要 briefing did not list it. Special schools: the
  // 2010 教育规划纲要 set one per county of 30万+ people; the 20万 line attributed to later plans was not
  // found in a checkable copy, so the count stays a reference value.
  targets: {
    preschoolGrossRate: std(90, `${DOCS.preschoolPlan}：到 2025 年学前三年毛入园率达到 90% 以上`),
    inclusiveKindergartenCoverage: std(85, `${DOCS.preschoolPlan}：到 2025 年普惠性幼儿园覆盖率达到 85% 以上`),
    publicKindergartenShare: std(50, `${DOCS.preschoolPlan}：到 2025 年公办园在园幼儿占比达到 50% 以上`),
    townshipCentralKindergarten: std(100, `${DOCS.reference}：每个乡镇至少 1 所公办中心幼儿园`),
    compulsoryRetention: std(96, `${DOCS.publicServices}：到 2025 年九年义务教育巩固率 96%`),
    seniorGrossRate: std(92, `${DOCS.fiveYearPlan}：高中阶段教育毛入学率提高到 92% 以上`),
    balanceSchoolsShare: std(100, `${DOCS.qualityBalance}：每所学校资源配置均须达标，故目标为全部学校`),
    specialSchools: std(
      1,
      `${DOCS.reference}：每县至少 1 所特殊教育学校。${DOCS.educationOutline2010}要求 30 万人口以上、残疾儿童较多的县设 1 所；` +
        `${DOCS.specialEducation}中“20 万人口以上的县”的表述未能核对原文`,
    ),
    // The 97 % is quoted from the plan by local implementing plans (e.g. 柳州市实施方案, citing
    // 国办发〔2021〕60号) and by the 国新办 briefing of 2025-07-22 reporting it met.
    disabledEnrolmentRate: std(97, `${DOCS.specialEducation}：到 2025 年适龄残疾儿童少年义务教育入学率达到 97%`),
    // No national document with this figure could be checked; 85 % is the aim local plans commonly set.
    migrantPublicShare: std(85, `${DOCS.reference}：随迁子女在公办学校就读（含政府购买学位）比例 85% 以上为各地规划常见目标`),
  },
  /** Ordinary schools with at least this many pupils with disabilities should have a 资源教室. */
  resourceRoomMinPupils: std(5, `${DOCS.resourceRooms}：招收 5 人以上数量残疾学生的普通学校，一般应设立资源教室`),
  /** Floor area of a 资源教室 project when the planner gives none, m². */
  resourceRoomArea: std(60, `${DOCS.resourceRooms}：资源教室应有固定的专用场所，面积不小于 60 平方米`),
} as const;
