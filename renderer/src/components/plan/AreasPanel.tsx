// 规划片区: which planning area each township belongs to in this plan. Results by area
// follow the grouping; a township left empty keeps the area its data gives it.
import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Button, type TableColumnsType } from 'antd';
import type { Township } from '@shared/domain';
import type { EvaluationContext, PlanDetail } from '@shared/plan';
import { zh } from '../../i18n/zh';
import type { PlanState } from './usePlan';
import { HintToolbar } from './HintToolbar';
import { CompactTable } from '../CompactTable';

const t = zh.plan.areas;

export function AreasPanel({ plan, context, edit, saving }: { plan: PlanDetail; context: EvaluationContext; edit: PlanState['edit']; saving: boolean }) {
  const [draft, setDraft] = useState<Record<string, string>>({});
  useEffect(() => setDraft({}), [plan.areas]);
  const current = (tw: Township) => draft[tw.code] ?? plan.areas[tw.code] ?? tw.area;
  const names = useMemo(() => [...new Set(context.townships.map((x) => plan.areas[x.code] || x.area).filter(Boolean))], [context.townships, plan.areas]);
  const changed = Object.keys(draft).filter((code) => draft[code] !== (plan.areas[code] ?? context.townships.find((x) => x.code === code)?.area));

  const columns: TableColumnsType<Township> = [
    { title: t.township, dataIndex: 'name', key: 'name', width: 160 },
    { title: t.urbanRural, dataIndex: 'urbanRural', key: 'urbanRural', width: 96 },
    { title: t.dataArea, dataIndex: 'area', key: 'area', width: 140, render: (v: string) => v || zh.common.none },
    {
      title: t.planArea,
      key: 'plan',
      render: (_: unknown, tw) => (
        <AutoComplete
          style={{ width: 220 }}
          value={current(tw)}
          options={names.map((n) => ({ value: n }))}
          onChange={(v: string) => setDraft((d) => ({ ...d, [tw.code]: v }))}
          maxLength={20}
        />
      ),
    },
  ];

  return (
    <div>
      <HintToolbar hint={t.hint}>
        <Button
          type="primary"
          disabled={changed.length === 0}
          loading={saving}
          onClick={() => void edit('plan.setAreas', { areas: changed.map((code) => ({ township: code, area: (draft[code] ?? '').trim() })) })}
        >
          {t.save}
        </Button>
      </HintToolbar>
      <CompactTable<Township> rowKey="code" columns={columns} dataSource={context.townships} />
    </div>
  );
}
