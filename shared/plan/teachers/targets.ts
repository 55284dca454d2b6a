// The staffing targets plans set next to the buildings (义务教育 teachers). Counts per 100
// students follow the 优质均衡 indicators; a projected year holds the recorded composition
// (骨干, 学历, 体育艺术) over the projected teachers (run.ts).
import { STANDARDS } from '../../standards';
import type { TargetDef, YearFacts } from '../targets';

const COMPULSORY = ['primary', 'junior'] as const;
const NEED_DEGREES = '项目中没有按学历分列的教师数据（请导入教职工结构表）';
const NEED_EXCHANGE = '项目中没有按学历或交流轮岗分列的教师数据：教职工结构表不含交流轮岗，此项需另行统计';

const per100 = (f: YearFacts, pick: (t: NonNullable<YearFacts['teachers']>) => number): number | null => {
  const t = f.teachers;
  return t && t.students > 0 && t.teachers > 0 ? (pick(t) / t.students) * 100 : null;
};

export const TEACHER_TARGETS: readonly TargetDef[] = [
  {
    key: 'teacher_shortage', name: '义务教育教师缺编数', unit: '人', comparator: '<=', target: 0, attribute: '约束性',
    group: '教师队伍', stages: COMPULSORY, isDefault: false, decimals: 0,
    basis: '各乡镇小学、初中编制需求（按编制标准生师比，村小、教学点兼按班师比）减现有专任教师，缺编乡镇之和（超编不抵缺编）',
    value: (f) => f.teachers?.shortage ?? null,
  },
  {
    key: 'teacher_key_per100', name: '每百名学生拥有县级以上骨干教师数', unit: '人', comparator: '>=', target: STANDARDS.balance.value.primary.key, attribute: '预期性',
    group: '教师队伍', stages: COMPULSORY, isDefault: false, decimals: 2,
    basis: '小学、初中县级以上骨干教师 ÷ 在校生 × 100；预测年按基准年骨干教师占比乘预计教师数',
    value: (f) => per100(f, (t) => t.keyTeachers),
  },
  {
    key: 'teacher_pe_arts_per100', name: '每百名学生拥有体育艺术专任教师数', unit: '人', comparator: '>=', target: STANDARDS.balance.value.primary.peArts, attribute: '预期性',
    group: '教师队伍', stages: COMPULSORY, isDefault: false, decimals: 2,
    basis: '小学、初中体育、艺术（音乐、美术）专任教师 ÷ 在校生 × 100；预测年按基准年占比乘预计教师数',
    value: (f) => per100(f, (t) => t.peArtsTeachers),
  },
  {
    key: 'teacher_qualified_above_share', name: '高于规定学历教师占比', unit: '%', comparator: '>=', target: 90, attribute: '预期性',
    group: '教师队伍', stages: COMPULSORY, isDefault: false, decimals: 1,
    basis: '小学、初中高于规定学历（小学专科及以上、初中本科及以上）专任教师 ÷ 专任教师（导入学历结构的学校按其学历分列计）；目标 90% 为参考值；预测年沿用基准年占比',
    value: (f) => (f.teachers && f.teachers.teachers > 0 ? (f.teachers.qualifiedAbove / f.teachers.teachers) * 100 : null),
  },
  {
    key: 'teacher_degree_compliance', name: '专任教师学历达标率', unit: '%', comparator: '>=', target: 100, attribute: '约束性',
    group: '教师队伍', stages: COMPULSORY, isDefault: false, decimals: 1,
    basis: `具备规定学历的小学、初中专任教师 ÷ 导入学历结构的专任教师（${STANDARDS.teacherQualification.source}）；预测年沿用基准年比例`,
    missing: NEED_DEGREES,
    value: (f) => (f.teachers?.degreeCompliance == null ? null : f.teachers.degreeCompliance * 100),
  },
  {
    key: 'teacher_exchange_share', name: '教师交流轮岗比例', unit: '%', comparator: '>=', target: STANDARDS.teacherExchange.value.share, attribute: '预期性',
    group: '教师队伍', stages: COMPULSORY, isDefault: false, decimals: 1,
    basis: `当年交流轮岗教师 ÷ 符合交流条件的教师（${STANDARDS.teacherExchange.source}）`,
    missing: NEED_EXCHANGE,
    value: () => null,
  },
];
