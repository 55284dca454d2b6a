// 残疾学生与资源教室: per school and year, pupils with disabilities by placement (随班就读,
// 特教班, 送教上门) and the school's resource rooms.
import { SPECIAL_NEEDS_HEADERS } from '../../templates/inclusion-layouts';
import { schoolRowsKind } from './school-rows';

export const SPECIAL_NEEDS_KIND = schoolRowsKind({
  kind: 'special_needs',
  label: '残疾学生与资源教室',
  shortLabel: '残疾学生',
  description: '每校每年一行：随班就读、特教班、送教上门的残疾学生数和资源教室数（空白表示不详）。',
  counts: [
    { field: 'inclusive', label: '随班就读残疾学生', synonyms: ['随班就读残疾学生', '随班就读', '随班就读学生', '随班就读人数', '随班就读残疾儿童'] },
    { field: 'specialClass', label: '特教班残疾学生', synonyms: ['特教班残疾学生', '特教班', '特教班学生', '附设特教班', '特殊教育班'] },
    { field: 'homeTaught', label: '送教上门残疾学生', synonyms: ['送教上门残疾学生', '送教上门', '送教上门学生', '送教上门人数'] },
    { field: 'resourceRooms', label: '资源教室', synonyms: ['资源教室', '资源教室数', '特殊教育资源教室', '资源室'] },
  ],
  summaryLabel: '残疾学生记录',
  into: (p) => p.specialNeeds,
  record: (school, year, v) => ({
    school, year, inclusive: v.inclusive ?? null, specialClass: v.specialClass ?? null, homeTaught: v.homeTaught ?? null, resourceRooms: v.resourceRooms ?? null,
  }),
  template: { sheet: '残疾学生与资源教室', headers: [...SPECIAL_NEEDS_HEADERS], rows: [[2024, '', '城关第一小学（示例）', 6, 0, 1, 1]] },
});
