// Targets of special education, 随迁子女 and school groups (values from inclusion.ts). Each
// projected year holds the base year's pupils and rooms, which the notes say; groups count
// from the year they are formed.
import { STANDARDS } from '../standards';
import type { InclusionFacts } from './inclusion';
import type { PlanTarget } from './model';
import { targetFromDef, type TargetDef, type YearFacts } from './targets';

const HELD = '预测年份沿用基准年（最近一年）数据，规划未改变时保持不变';
const pct = (num: number | null | undefined, den: number | null | undefined): number | null =>
  num === null || num === undefined || !den || den <= 0 ? null : (num / den) * 100;
const inc = (f: YearFacts) => f.inclusion ?? null;
/** A percentage of two inclusion facts (null when the county has none or the base is 0). */
const shareOf = (num: (i: InclusionFacts) => number | null, den: (i: InclusionFacts) => number | null) => (f: YearFacts) => {
  const i = inc(f);
  return i ? pct(num(i), den(i)) : null;
};

export const INCLUSION_TARGETS: readonly TargetDef[] = [
  {
    key: 'disabled_enrolment_rate', name: '残疾儿童少年义务教育入学率', unit: '%', comparator: '>=', target: STANDARDS.targets.disabledEnrolmentRate.value,
    attribute: '约束性', group: '义务教育', stages: ['primary', 'junior', 'special'], isDefault: false, decimals: 1,
    basis:
      `（普通学校随班就读、特教班、送教上门残疾学生 + 特殊教育学校在校生）÷ 全县登记在册的适龄残疾儿童少年数（规划参数；未填时用项目中记录的全县数）；` +
      `目标 ${STANDARDS.targets.disabledEnrolmentRate.value}%：${STANDARDS.targets.disabledEnrolmentRate.source}；${HELD}`,
    missing: '缺少残疾学生数据（导入“残疾学生与资源教室”），或未在规划参数中填写全县适龄残疾儿童少年数',
    value: shareOf((i) => i.disabledEnrolled, (i) => i.registered),
  },
  {
    key: 'resource_room_coverage', name: '资源教室覆盖率', unit: '%', comparator: '>=', target: 100, attribute: '预期性',
    group: '义务教育', stages: ['primary', 'junior'], isDefault: false, decimals: 1,
    basis:
      `随班就读和特教班残疾学生达到规划参数所定人数（默认 ${STANDARDS.resourceRoomMinPupils.value} 人）的普通学校中设有资源教室的比例（${STANDARDS.resourceRoomMinPupils.source}）；${HELD}`,
    missing: '缺少残疾学生数据，或没有达到人数的学校，或其中有学校未填资源教室数（不详不按没有计）',
    value: shareOf((i) => (i.roomsUnknown === 0 ? i.roomsPresent : null), (i) => i.roomsNeeded),
  },
  {
    key: 'migrant_public_share', name: '随迁子女在公办学校就读（含政府购买学位）比例', unit: '%', comparator: '>=',
    target: STANDARDS.targets.migrantPublicShare.value, attribute: '预期性', group: '义务教育', stages: ['primary', 'junior'], isDefault: false, decimals: 1,
    basis: `公办学校随迁子女 + 民办学校中享受政府购买学位的随迁子女 ÷ 全部随迁子女在校生；目标 ${STANDARDS.targets.migrantPublicShare.value}%：${STANDARDS.targets.migrantPublicShare.source}；${HELD}`,
    missing: '缺少随迁子女数据（导入“随迁子女”）',
    value: shareOf((i) => i.migrantsPublic, (i) => i.migrants),
  },
  {
    key: 'rural_schools_in_groups', name: '乡村学校纳入集团（共同体）比例', unit: '%', comparator: '>=', target: 100, attribute: '预期性',
    group: '布局与建设', stages: ['primary', 'junior'], isDefault: false, decimals: 1,
    basis: '在办乡村小学、教学点、初中和一贯制学校中属于教育集团、城乡学校共同体或学区（核心学校或成员）的比例；集团自组建年份起计入，规划的集团化办学项目自完成年份起计入；目标 100% 为参考值',
    missing: '没有在办的乡村义务教育学校',
    value: shareOf((i) => i.ruralInGroup, (i) => i.ruralSchools),
  },
  {
    key: 'school_groups', name: '教育集团（共同体、学区）数', unit: '个', comparator: '>=', target: 1, attribute: '预期性',
    group: '布局与建设', stages: ['primary', 'junior'], isDefault: false, decimals: 0,
    basis: '已组建的教育集团、城乡学校共同体和学区数（自组建年份起计入，规划的集团化办学项目自完成年份起计入）；目标由规划填写，默认至少 1 个为参考值',
    value: (f) => inc(f)?.groups ?? null,
  },
];

/** Which records a project holds, as counts. */
export interface InclusionPresence {
  specialNeeds: number;
  migrants: number;
  groups: number;
}

const NEEDS: Record<keyof InclusionPresence, readonly string[]> = {
  specialNeeds: ['disabled_enrolment_rate', 'resource_room_coverage'],
  migrants: ['migrant_public_share'],
  groups: ['rural_schools_in_groups', 'school_groups'],
};

/**
 * The national defaults plus the inclusion targets whose data the project holds: a county
 * that records pupils with disabilities, 随迁子女 or groups gets their targets in a new plan;
 * one that does not is not shown rows it cannot fill.
 */
export function defaultTargetsWith(defaults: readonly PlanTarget[], presence: InclusionPresence): PlanTarget[] {
  const keys = (Object.keys(NEEDS) as (keyof InclusionPresence)[]).filter((k) => presence[k] > 0).flatMap((k) => NEEDS[k]);
  return [...defaults, ...INCLUSION_TARGETS.filter((d) => keys.includes(d.key)).map(targetFromDef)];
}
