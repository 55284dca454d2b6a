// 学校集团: 教育集团, 城乡学校共同体 and 学区, one a row with its core school and members.
import { GROUP_HEADERS } from '../../templates/inclusion-layouts';
import type { FieldSpec } from '../fields';
import { planGroups } from '../plan-groups';
import { recogniser } from './school-rows';
import type { ImportKindSpec } from './spec';

const FIELDS: readonly FieldSpec[] = [
  { field: 'name', label: '集团（共同体、学区）名称', type: 'text', synonyms: ['集团共同体学区名称', '集团名称', '共同体名称', '学区名称', '教育集团', '集团', '共同体'], exact: ['名称'] },
  { field: 'kind', label: '类型', type: 'text', synonyms: ['类型', '集团类型', '组织形式', '办学形式'] },
  { field: 'coreCode', label: '核心学校标识码', type: 'code', synonyms: ['核心学校标识码', '核心校标识码', '牵头学校标识码', '核心学校代码'] },
  { field: 'coreName', label: '核心学校名称', type: 'text', synonyms: ['核心学校名称', '核心学校', '核心校', '牵头学校', '龙头学校', '总校'] },
  { field: 'members', label: '成员学校', type: 'text', synonyms: ['成员学校', '成员校', '成员单位', '集团成员', '共同体成员', '学区学校'] },
  { field: 'yearFormed', label: '组建年份', type: 'year', synonyms: ['组建年份', '成立年份', '组建时间', '成立时间'] },
];

export const SCHOOL_GROUPS_KIND: ImportKindSpec = {
  label: '学校集团（共同体、学区）',
  shortLabel: '学校集团',
  description: '每个教育集团、城乡学校共同体或学区一行：名称、类型、核心学校、成员学校（顿号分隔）、组建年份。',
  fields: FIELDS,
  namesStoredSchools: true,
  recognise: recogniser(FIELDS),
  plan: (sheet, first, columns, ctx) => planGroups(sheet, first, columns, ctx),
  template: () => ({
    sheet: '学校集团',
    headers: [...GROUP_HEADERS],
    rows: [['城关教育集团（示例）', '教育集团', '', '城关第一小学', '青山乡中心小学、城关九年一贯制学校', 2023]],
  }),
};
