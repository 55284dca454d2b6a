// 学校: every school's latest figures in one virtualised table (thousands of rows stay
// fast), with filters and a drawer for one school's history.
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Drawer, Flex, Space, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { SchoolRow } from '@shared/api';
import { type UrbanRural } from '@shared/domain';
import { CAPACITY_METHOD } from '@shared/analysis/enrolment';
import { useApi } from '../api/useApi';
import { zh } from '../i18n/zh';
import { LoadError, PageLoading } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { SchoolDrawer } from '../components/SchoolDrawer';
import { applyFilter, EMPTY_FILTER, SchoolFilters, type SchoolFilter } from '../components/SchoolFilters';
import { StageTags } from '../components/StageTags';
import { UrbanRuralTag } from '../components/TownshipTable';
import { classSizeColor, utilisationColor } from '../lib/colors';
import { fmtDec1, fmtInt, fmtRatio } from '../lib/format';
import { useElementHeight } from '../lib/useElementSize';
import { EditHistory } from '../components/edit/EditHistory';
import { TownshipList } from '../components/edit/TownshipList';
import { editStrings } from '../i18n/zh-edit';
import { InclusionEditor } from '../components/edit/InclusionEditor';
import { inclusionStrings } from '../i18n/zh-inclusion';
import { inclusionColumns, inclusionFilter, InclusionFilters, schoolInclusion, type InclusionFilterValue } from '../components/SchoolInclusion';

const t = zh.schools;
const inclusionTab = inclusionStrings.tab;
const collator = new Intl.Collator('zh-CN');
/** Height of the sticky table header inside the measured box. */
const HEADER_HEIGHT = 40;

const num = (a: number | null, b: number | null) => (a ?? -Infinity) - (b ?? -Infinity);

type Column = TableColumnsType<SchoolRow>[number];

/** A sortable whole number. */
const countColumn = (title: string, key: 'students' | 'classes'): Column => ({
  title,
  dataIndex: key,
  key,
  width: 76,
  align: 'right',
  sorter: (a, b) => a[key] - b[key],
  render: (v: number) => fmtInt(v),
});

/** A sortable figure shown in its warning colour (大班额, seat use). */
const levelColumn = (
  title: string,
  dataIndex: 'avgClassSize' | 'utilisation',
  key: string,
  width: number,
  colorOf: (v: number | null) => string | undefined,
  format: (v: number | null) => string,
): Column => ({
  title,
  dataIndex,
  key,
  width,
  align: 'right',
  sorter: (a, b) => num(a[dataIndex], b[dataIndex]),
  render: (v: number | null) => {
    const color = colorOf(v);
    return <span style={color ? { color, fontWeight: 600 } : undefined}>{format(v)}</span>;
  },
});

const columns: TableColumnsType<SchoolRow> = [
  {
    title: t.colCode,
    dataIndex: 'code',
    key: 'code',
    width: 104,
    fixed: 'left',
    sorter: (a, b) => a.code.localeCompare(b.code),
    render: (v: string) => <span className="num mono">{v}</span>,
  },
  {
    title: t.colName,
    dataIndex: 'name',
    key: 'name',
    width: 184,
    fixed: 'left',
    ellipsis: { showTitle: true },
    sorter: (a, b) => collator.compare(a.name, b.name),
    // antd titles an ellipsis cell only when it renders a bare string; a long name keeps its full text on hover.
    render: (v: string, r) => (
      <span title={v}>
        {v}
        {r.status === '停办' ? <Tag className="inline-tag">{t.stopped}</Tag> : null}
      </span>
    ),
  },
  { title: t.colKind, dataIndex: 'kindLabel', key: 'kind', width: 112, ellipsis: true },
  { title: t.colOwnership, dataIndex: 'ownership', key: 'ownership', width: 84 },
  {
    title: t.colTownship,
    dataIndex: 'townshipName',
    key: 'township',
    width: 116,
    ellipsis: true,
    sorter: (a, b) => collator.compare(a.townshipName, b.townshipName),
  },
  {
    title: t.colUrbanRural,
    dataIndex: 'urbanRural',
    key: 'urbanRural',
    width: 56,
    render: (v: UrbanRural) => <UrbanRuralTag value={v} />,
  },
  {
    title: t.colStages,
    dataIndex: 'stages',
    key: 'stages',
    width: 92,
    render: (_: unknown, r) => <StageTags stages={r.stages} />,
  },
  countColumn(t.colStudents, 'students'),
  countColumn(t.colClasses, 'classes'),
  levelColumn(t.colAvg, 'avgClassSize', 'avg', 90, classSizeColor, fmtDec1),
  {
    title: t.colCapacity,
    dataIndex: 'capacity',
    key: 'capacity',
    width: 76,
    align: 'right',
    sorter: (a, b) => a.capacity - b.capacity,
    render: (v: number, r) => (
      <Tooltip title={r.capacitySource === 'design' ? t.capacityDesign : r.capacitySource === 'classes' ? t.capacityClasses : CAPACITY_METHOD[r.capacitySource]}>
        <span className={r.capacitySource === 'design' ? undefined : 'estimated'}>
          {fmtInt(v)}
          {r.capacitySource === 'students' || r.capacitySource === 'floor' || r.capacitySource === 'grades' ? <Tag className="inline-tag">{editStrings.estimated}</Tag> : null}
        </span>
      </Tooltip>
    ),
  },
  levelColumn(t.colUtil, 'utilisation', 'util', 104, utilisationColor, fmtRatio),
];

const widthOf = (cols: TableColumnsType<SchoolRow>) => cols.reduce((w, c) => w + (typeof c.width === 'number' ? c.width : 100), 0);

/**
 * Gives focus back to the button that opened the edit panel as soon as it closes. The Drawer's
 * own return waits for its closing animation to end, after the panel already looks gone: a
 * filter opened in that moment lost focus to the button and its dropdown closed under the pointer.
 */
function usePanelFocusReturn(open: boolean) {
  const trigger = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (open || !trigger.current) return;
    trigger.current.focus({ preventScroll: true });
    trigger.current = null;
  }, [open]);
  return trigger;
}

export function SchoolsPage() {
  // Bumped after every edit or undo: the table, the drawer and the lists refetch.
  const [version, setVersion] = useState(0);
  const { data, error, loading, reload } = useApi('schools.list', {}, [version]);
  const [filter, setFilter] = useState<SchoolFilter>(EMPTY_FILTER);
  const [selected, setSelected] = useState<string | null>(null);
  const [panel, setPanel] = useState<'townships' | 'history' | 'inclusion' | null>(null);
  const panelTrigger = usePanelFocusReturn(panel !== null);
  const { data: inclusion } = useApi('inclusion.get', {}, [version]);
  const [inclusionFilterValue, setInclusionFilter] = useState<InclusionFilterValue>({ group: 'any', rooms: 'any' });
  const changed = () => setVersion((v) => v + 1);
  const { ref: boxRef, height: boxHeight } = useElementHeight<HTMLDivElement>(480);

  const rows = useMemo(() => data ?? [], [data]);
  const byCode = useMemo(() => schoolInclusion(inclusion ?? null), [inclusion]);
  const visible = useMemo(() => inclusionFilter(applyFilter(rows, filter), byCode, inclusionFilterValue), [rows, filter, byCode, inclusionFilterValue]);
  const allColumns = useMemo(() => [...columns, ...inclusionColumns(byCode)], [byCode]);
  const latestYear = useMemo(() => rows.reduce<number | null>((m, r) => (r.year && (!m || r.year > m) ? r.year : m), null), [rows]);

  if (error && !data) return <LoadError error={error} onRetry={reload} />;

  return (
    <div className="page page-fill" data-testid="schools-page">
      <PageHeader
        title={t.title}
        extra={
          <Space>
            <Button onClick={(e) => { panelTrigger.current = e.currentTarget; setPanel('townships'); }} data-testid="open-townships">
              {editStrings.townships}
            </Button>
            <Button onClick={(e) => { panelTrigger.current = e.currentTarget; setPanel('inclusion'); }} data-testid="open-inclusion">
              {inclusionTab}
            </Button>
            <Button onClick={(e) => { panelTrigger.current = e.currentTarget; setPanel('history'); }} data-testid="open-edit-history">
              {editStrings.history}
            </Button>
          </Space>
        }
        subtitle={
          <>
            {t.subtitle}
            {latestYear ? <span className="subtitle-sep">{t.yearNote(latestYear)}</span> : null}
          </>
        }
      />
      <Flex justify="space-between" align="center" gap={12} wrap className="table-toolbar">
        <Flex gap={12} wrap align="center">
          <SchoolFilters rows={rows} value={filter} onChange={setFilter} />
          <InclusionFilters value={inclusionFilterValue} onChange={setInclusionFilter} />
        </Flex>
        <Typography.Text strong data-testid="school-count" className="school-count">
          {visible.length === rows.length ? t.count(visible.length) : t.countOf(visible.length, rows.length)}
        </Typography.Text>
      </Flex>

      <div className="table-box" ref={boxRef} data-testid="school-table">
        {loading && !data ? (
          <PageLoading />
        ) : (
          <Table<SchoolRow>
            virtual
            size="small"
            rowKey="code"
            columns={allColumns}
            dataSource={visible}
            pagination={false}
            scroll={{ x: widthOf(allColumns), y: Math.max(200, boxHeight - HEADER_HEIGHT) }}
            locale={{ emptyText: t.empty }}
            rowClassName={(r) => (r.code === selected ? 'row-selected' : 'row-clickable')}
            onRow={(r) => ({
              onClick: () => setSelected(r.code),
              // Reachable with Tab and opened with Enter or Space, like the mouse's click.
              tabIndex: 0,
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key !== 'Enter' && e.key !== ' ') return;
                e.preventDefault();
                setSelected(r.code);
              },
              'data-code': r.code,
            })}
          />
        )}
      </div>

      <Flex gap={24} wrap className="table-legend">
        <Typography.Text type="secondary">{t.legendAvg}</Typography.Text>
        <Typography.Text type="secondary">{t.legendUtil}</Typography.Text>
      </Flex>

      <SchoolDrawer
        code={selected}
        onClose={() => setSelected(null)}
        version={version}
        onEdited={(code) => {
          setSelected(code);
          changed();
        }}
      />
      <Drawer open={panel !== null} size={860} onClose={() => setPanel(null)} focusable={{ focusTriggerAfterClose: false }} title={panel === 'inclusion' ? inclusionTab : editStrings.townships}>
        <div data-testid="edit-panel">
          <Tabs
            activeKey={panel ?? 'townships'}
            onChange={(k) => setPanel(k as 'townships' | 'history' | 'inclusion')}
            items={[
              { key: 'townships', label: editStrings.townships, children: <TownshipList version={version} onChanged={changed} /> },
              { key: 'inclusion', label: inclusionTab, children: <InclusionEditor version={version} schools={rows} onChanged={changed} /> },
              { key: 'history', label: editStrings.history, children: <EditHistory version={version} onChanged={changed} /> },
            ]}
          />
        </div>
      </Drawer>
    </div>
  );
}
