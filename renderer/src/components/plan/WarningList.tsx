// The evaluation's warnings in words, red first, with a filter by level.
import { useState } from 'react';
import { Empty, Segmented } from 'antd';
import type { PlanWarning } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { WARNING_COLOR } from './levels';

const t = zh.plan.warnings;
type Filter = 'all' | PlanWarning['level'];

export function WarningList({ warnings }: { warnings: PlanWarning[] }) {
  const [filter, setFilter] = useState<Filter>('all');
  const count = (l: PlanWarning['level']) => warnings.filter((w) => w.level === l).length;
  const shown = filter === 'all' ? warnings : warnings.filter((w) => w.level === filter);
  return (
    <div>
      <Segmented<Filter>
        size="small"
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 8 }}
        options={[
          { value: 'all', label: `${t.filterAll} ${warnings.length}` },
          { value: 'red', label: `${t.filterRed} ${count('red')}` },
          { value: 'orange', label: `${t.filterOrange} ${count('orange')}` },
          { value: 'blue', label: `${t.filterBlue} ${count('blue')}` },
        ]}
      />
      {shown.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.empty} />
      ) : (
        <ul className="warning-list" data-testid="plan-warnings">
          {shown.map((w, i) => (
            <li key={`${w.kind}-${w.subject}-${i}`} data-level={w.level}>
              <span className="warning-dot" style={{ background: WARNING_COLOR[w.level] }} />
              <span>{w.message}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
