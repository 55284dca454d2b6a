// The school's imported 教职工结构 of its latest year: one line per breakdown (岗位, 年龄段,
// 学历, 职称, 骨干), the categories the table gave with their counts. A breakdown the table
// did not give is not shown (unknown, not zero).
import { Descriptions, Tag } from 'antd';
import type { StaffProfileRecord } from '@shared/domain';
import { PROFILE_CATEGORIES, PROFILE_DIMENSION_LABEL, PROFILE_DIMENSIONS } from '@shared/domain';
import { fmtInt } from '../lib/format';

export function StaffProfileTable({ rows, year }: { rows: readonly StaffProfileRecord[]; year: number }) {
  const counts = new Map(rows.filter((r) => r.year === year).map((r) => [r.category, r.count]));
  const items = PROFILE_DIMENSIONS.flatMap((d) => {
    const given = PROFILE_CATEGORIES[d].filter((c) => counts.has(c.key));
    if (given.length === 0) return [];
    return [
      {
        key: d,
        label: PROFILE_DIMENSION_LABEL[d],
        children: given.map((c) => (
          <Tag key={c.key} bordered={false} style={{ marginBottom: 2 }}>
            {c.label} <span className="num">{fmtInt(counts.get(c.key))}</span>
          </Tag>
        )),
      },
    ];
  });
  return <Descriptions size="small" bordered column={1} items={items} data-testid="school-staff-profile" />;
}
