// 随迁子女: per school and year, the children of migrant workers in the school and how many of
// them hold places the government buys from a private school.
import { MIGRANT_HEADERS } from '../../templates/inclusion-layouts';
import { schoolRowsKind } from './school-rows';

export const MIGRANTS_KIND = schoolRowsKind({
  kind: 'migrants',
  label: '随迁子女',
  shortLabel: '随迁子女',
  description: '每校每年一行：进城务工人员随迁子女在校生数，以及其中在民办学校享受政府购买学位的人数。',
  counts: [
    { field: 'pupils', label: '随迁子女在校生', synonyms: ['随迁子女在校生', '随迁子女', '随迁子女人数', '进城务工人员随迁子女', '随迁子女在校生数'] },
    { field: 'purchased', label: '其中政府购买学位', synonyms: ['其中政府购买学位', '政府购买学位', '购买学位', '政府购买服务学位'] },
  ],
  summaryLabel: '随迁子女记录',
  into: (p) => p.migrants,
  record: (school, year, v) => ({ school, year, pupils: v.pupils ?? null, purchased: v.purchased ?? null }),
  template: { sheet: '随迁子女', headers: [...MIGRANT_HEADERS], rows: [[2024, '', '城关第一小学（示例）', 120, 0]] },
});
