// Every string a planner sees, in one place, so that an English table with the same shape
// can follow without touching the pages. Templates are functions so that word order can
// differ between languages.

import { forecastStrings } from './zh-forecast';
import { annexStrings } from './zh-annex';
import { importStrings } from './zh-import';
import { planStrings } from './zh-plan';
import { teacherStrings } from './zh-teachers';
import { mapStrings } from './zh-map';
import { guideStrings } from './zh-guide';
import { NATIONAL_SETTINGS } from '@shared/plan/settings';

// Pages without a plan (总览, 学校) judge class sizes by the national defaults.
const { largeClass, oversizedClass } = NATIONAL_SETTINGS;

export const zh = {
  app: {
    name: '县域学校布局规划',
    /** The one-character mark beside the name (sider and start page). */
    mark: '校',
    tagline: '县域中小学幼儿园布局专项规划工具：汇总学校与人口数据，预测学位需求，编制规划附件。',
    offline: '本程序完全离线运行，数据只保存在本机的项目文件中。',
  },

  nav: {
    overview: '总览',
    import: '数据导入',
    schools: '学校',
    population: '人口',
    forecast: '预测',
    plan: '规划',
    annex: '附件',
    settings: '设置',
    map: '布局图',
  },

  common: {
    loading: '正在加载…',
    retry: '重试',
    cancel: '取消',
    confirm: '确定',
    save: '保存',
    close: '关闭',
    browse: '浏览…',
    open: '打开',
    none: '—',
    unknown: '未知',
    all: '全部',
    wholeCounty: '全县',
    people: '人',
    schoolsUnit: '所',
    classesUnit: '个',
    countUnit: '个',
    yearSuffix: '年',
    /** A year in screen text: a space between the number and 年 (docs/ARCHITECTURE.md, "Years in text"). */
    year: (y: number | string) => `${y} 年`,
    ageSuffix: '岁',
    unknownError: '操作没有完成，发生了未预期的错误。',
    loadFailed: '数据加载失败',
    noData: '暂无数据',
    saved: '已保存',
  },

  errorBoundary: {
    title: '页面出现错误',
    description: '界面遇到了一个未预期的问题，项目数据没有受到影响。可以重新加载界面后继续工作。',
    reload: '重新加载界面',
    details: '技术信息',
  },

  start: {
    openSample: '打开示例县',
    openSampleDesc: '内置的虚拟县数据，含学校、人口与出生数据和一份“十五五”示例规划，适合熟悉功能。',
    openFile: '打开项目文件',
    openFileDesc: '打开已有的规划项目文件（.csplan）。',
    newProject: '新建空白项目',
    newProjectDesc: '为本县（区）新建项目文件，再导入学校与人口数据。',
    recent: '最近打开',
    recentEmpty: '还没有打开过项目',
    openRecent: '打开最近的项目：',
    missing: '文件不存在',
    openedAt: (time: string) => `上次打开：${time}`,
    openingSample: '正在打开示例县…',
    opening: '正在打开项目…',
  },

  sampleReset: {
    button: '重置示例县',
    hint: '把示例县恢复为程序自带的初始数据。重置前会先备份当前的示例县文件。',
    title: '重置示例县？',
    body: (closesOther: boolean) =>
      `示例县将恢复为程序自带的初始数据，对示例县所做的修改（导入的数据、规划、设置）都会被替换。` +
      `重置前，程序会先把当前的示例县文件备份到“示例县.csplan-备份”文件夹，之后可在 设置 → 备份与恢复 中恢复。` +
      (closesOther ? '当前打开的项目会先关闭，重置后打开示例县。' : ''),
    ok: '备份并重置',
    running: '正在备份并重置示例县…',
    done: '示例县已恢复为初始数据（原文件已备份）',
  },

  openModal: {
    title: '打开项目文件',
    pathLabel: '项目文件路径',
    pathPlaceholder: '例如：D:\\规划\\某某县.csplan',
    pathRequired: '请填写项目文件的完整路径',
    recentFiles: '最近的项目文件',
    hint: '请输入本机上 .csplan 项目文件的完整路径，或从下方列表中选择。',
  },

  newModal: {
    title: '新建空白项目',
    name: '县（区）名称',
    namePlaceholder: '例如：某某县',
    nameRequired: '请填写县（区）名称',
    nameTooLong: '名称不超过 60 个字',
    code: '行政区划代码',
    codePlaceholder: '6 位数字，可暂不填写',
    codeInvalid: '行政区划代码应为 6 位数字',
    system: '学制',
    path: '保存位置',
    pathRequired: '请选择项目文件的保存位置',
    pathHelp: '项目保存为一个 .csplan 文件，可复制到其他电脑打开。',
    create: '创建项目',
    created: (name: string) => `已创建项目“${name}”`,
    defaultFileName: '新项目',
    division: '从全国行政区划选择',
    divisionPlaceholder: '省 / 市 / 县（区），可输入名称搜索',
    divisionHelp: (source: string) => `选择后自动填写名称和代码。数据来源：${source}。`,
    officialTownships: '预置该县的乡镇（街道）名称和 9 位区划代码',
  },

  header: {
    system: '学制',
    baseYear: '基准年',
    switchProject: '切换项目',
    openOther: '打开其他项目…',
    openSample: '打开示例县',
    newProject: '新建空白项目…',
    closeProject: '关闭项目',
    closed: '项目已关闭',
    opened: (name: string) => `已打开“${name}”`,
    yearValue: (y: number) => `${y} 年`,
    dataUntil: (y: number) => `（数据至 ${y} 年）`,
    baseYearHint: (base: number, data: number) =>
      `项目基准年 ${base} 年，在校生数据只到 ${data} 年：预测和新建规划从 ${data} 年开始。基准年在“设置”页 → “项目信息”中修改。`,
  },

  overview: {
    title: '总览',
    subtitle: (year: number | null) => (year ? `${year} 年教育事业统计数据` : '尚无在校生数据'),
    schools: '现有学校',
    students: '在校生',
    classes: '班级数',
    townships: '乡镇（街道）数',
    teachers: '专任教师',
    largeClasses: '义务教育大班额',
    largeClassesHint: `班额 ${largeClass} 人及以上的小学、初中班级（普通高中另列）；${oversizedClass} 人及以上为超大班额，须限期消除。`,
    seniorLarge: (n: number, over: number) => `普通高中另有 ${n} 个${over > 0 ? `（超大 ${over} 个）` : ''}`,
    oversized: (n: number) => `其中超大班额 ${n} 个`,
    noOversized: '无超大班额',
    studentsChart: (from: number | undefined, to: number | undefined) =>
      from && to ? `各学段在校生（${from}–${to}）` : '各学段在校生',
    birthsChart: '出生人口',
    townshipTable: '各乡镇（街道）学校与在校生',
    townshipTableHint: '义务教育在校生变化：小学与初中在校生在有记录年份内的增减，可看出“城挤乡空”。',
    colTownship: '乡镇（街道）',
    colUrbanRural: '城乡',
    colSchools: '学校数',
    colChange: '义务教育在校生变化',
    colLarge: '义务教育大班额',
    findings: '数据要点',
    noStudents: '项目中还没有在校生数据。请在“数据导入”中导入教育事业统计表。',
    // Sentences of the generated callout; each is used only when its data exist.
    sStudents: (year: number, n: string) => `${year} 年全县在校生 ${n} 人`,
    sStudentsChange: (from: number, pct: string, up: boolean) => `，较 ${from} 年${up ? '增加' : '减少'} ${pct}`,
    sLargeTotal: (n: number, urban: number, over: number) =>
      `全县义务教育大班额 ${n} 个` +
      (urban > 0 ? `（城区学校 ${urban} 个）` : '') +
      (over > 0 ? `，其中超大班额 ${over} 个，须限期消除` : ''),
    sNoLarge: '全县义务教育已无大班额',
    sSeniorLarge: (n: number, over: number) => `；普通高中大班额 ${n} 个${over > 0 ? `，其中超大班额 ${over} 个` : ''}`,
    sClassesUnknown: (n: number) => `${n} 所学校有在校生但没有班级数，无法判断是否有大班额（请在“学校 → 编辑”或重新导入时补录班级数）`,
    sRuralChange: (from: number, pct: string, up: boolean) =>
      `乡村义务教育在校生较 ${from} 年${up ? '增加' : '下降'} ${pct}`,
    sUrbanChange: (from: number, pct: string, up: boolean) =>
      `城区义务教育在校生较 ${from} 年${up ? '增加' : '下降'} ${pct}`,
    sBirths: (peakYear: number, peak: string, lastYear: number, last: string, pct: string) =>
      `出生人口由 ${peakYear} 年的 ${peak} 人降至 ${lastYear} 年的 ${last} 人（下降 ${pct}），小学入学需求将随之回落`,
    sBirthsUp: (fromYear: number, lastYear: number, last: string) =>
      `出生人口 ${fromYear}–${lastYear} 年总体平稳，${lastYear} 年为 ${last} 人`,
    endSentence: '。',
    classesUnknownAll: '学校表没有班级数',
    classesUnknownSome: (n: number) => `另有 ${n} 所学校班级数未知，未计入`,
    largeUnknown: (n: number) => `${n} 所学校班级数未知`,
    teachersUnknown: '未导入专任教师数',
  },

  schools: {
    title: '学校',
    subtitle: '全县各级各类学校的最新统计数据。点击一行查看学校详情。',
    count: (n: number) => `共 ${n} 所现有学校`,
    countOf: (n: number, total: number) => `共 ${n} 所（现有学校 ${total} 所）`,
    search: '搜索学校名称或标识码',
    township: '乡镇（街道）',
    kind: '办学类型',
    stage: '学段',
    urbanRural: '城乡',
    ownership: '举办者',
    reset: '清除筛选',
    colCode: '学校标识码',
    colName: '学校名称',
    colKind: '办学类型',
    colOwnership: '举办者',
    colTownship: '乡镇（街道）',
    colUrbanRural: '城乡',
    colStages: '学段',
    colStudents: '在校生',
    colClasses: '班级数',
    colAvg: '平均班额',
    colCapacity: '学位数',
    colUtil: '学位使用率',
    capacityDesign: '设计学位',
    capacityClasses: '按班级测算（班级数 × 标准班额）',
    stopped: '停办',
    yearNote: (y: number) => `数据年份 ${y}`,
    legendAvg: `平均班额：橙色 ${largeClass} 人及以上（大班额），红色 ${oversizedClass} 人及以上（超大班额）`,
    legendUtil: '学位使用率：红色超过 100%，橙色 90%–100%，蓝色低于 60%',
    empty: '没有符合条件的学校',
  },

  schoolDrawer: {
    title: '学校详情',
    facts: '基本情况',
    code: '学校标识码',
    kind: '办学类型',
    ownership: '举办者',
    township: '乡镇（街道）',
    urbanRural: '城乡',
    status: '办学状态',
    stages: '学段',
    location: '位置（经纬度）',
    history: '历年在校生与班级',
    classesSeries: '班级数',
    studentsAxis: '在校生（人）',
    classesAxis: '班级（个）',
    grades: (y: number | null) => (y ? `${y} 年分年级情况` : '分年级情况'),
    colGrade: '年级',
    colClasses: '班级数',
    colStudents: '学生数',
    colAvg: '平均班额',
    total: '合计',
    staff: '历年教职工',
    colYear: '年份',
    colTeachers: '专任教师',
    colQualified: '高于规定学历',
    colKey: '骨干教师',
    colPeArts: '体艺教师',
    colRatio: '生师比',
    noStaff: '没有教职工数据',
    noHistory: '没有在校生记录',
  },

  population: {
    title: '人口',
    subtitle: '各乡镇（街道）分年龄人口与出生人口，是学龄人口预测的基础。',
    township: '范围',
    year: '年份',
    byAge: (name: string, year: number | null) => (year ? `${name} ${year} 年 0–17 岁分年龄人口` : `${name}分年龄人口`),
    births: (name: string) => `${name}出生人口`,
    countAxis: '人口（人）',
    birthsAxis: '出生（人）',
    schoolAge: '学龄人口',
    band: {
      infant: '0–2 岁',
      preschool: '学前（3–5 岁）',
    },
    bandLabel: (label: string, from: number, to: number) => `${label}（${from}–${to} 岁）`,
    noPopulation: '还没有分年龄人口数据。请在“数据导入”中导入人口普查或年度人口数据。',
    noBirths: '还没有出生人口数据。',
    infants: '婴幼儿',
  },

  settings: {
    title: '设置',
    project: '项目信息',
    name: '县（区）名称',
    code: '行政区划代码',
    system: '学制',
    baseYear: '基准年',
    baseYearHelp: '最后一个有完整数据的年份，预测从下一年开始。',
    path: '项目文件',
    schema: '数据结构版本',
    save: '保存修改',
    saved: '项目信息已保存',
    backups: '备份与恢复',
    backupsHint: '每次导入数据、升级和批量修改前，程序都会自动备份项目文件。可以随时恢复到任一备份。',
    backupNow: '立即备份',
    backedUp: '已创建备份',
    manualReason: '手动备份',
    colTime: '时间',
    colReason: '原因',
    colSize: '大小',
    colAction: '操作',
    restore: '恢复',
    restoreTitle: '恢复到此备份？',
    restoreBody: (time: string) =>
      `项目将恢复到 ${time} 的状态。恢复前，程序会先把当前状态另存为一个备份，因此这一步可以撤回。`,
    restoreOk: '恢复',
    restored: '已恢复到所选备份',
    noBackups: '还没有备份',
  },

  forecast: forecastStrings,

  annex: annexStrings,

  importer: importStrings,
  plan: planStrings,
  teachers: teacherStrings,
  map: mapStrings,
  guide: guideStrings,

  units: {
    kb: 'KB',
    mb: 'MB',
    bytes: '字节',
  },
};

/** The shape another language's table must match (strings widened, not literal). */
export type Strings = typeof zh;

