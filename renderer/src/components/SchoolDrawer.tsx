// One school: its facts, its enrolment and classes over the years, the latest year's
// grades and its staff, so every figure in the schools table can be traced back.
import { useMemo, useState } from 'react';
import { Button, Descriptions, Drawer, Empty, Space, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import type { GradeCell, SchoolDetail } from '@shared/api';
import { SCHOOL_FACT_FIELDS, SCHOOL_FACTS, STAGE_LABEL, STAGES, type SchoolFact, type SchoolFactDef, type Stage } from '@shared/domain';
import type { StaffRecord } from '@shared/domain';
import { useApi } from '../api/useApi';
import { zh } from '../i18n/zh';
import { EChart, type ChartOption } from './EChart';
import { LoadError, PageLoading } from './LoadState';
import { Section } from './Section';
import { StageTags } from './StageTags';
import { StaffProfileTable } from './StaffProfileTable';
import { UrbanRuralTag } from './TownshipTable';
import { classSizeColor, PRIMARY, STAGE_COLOR } from '../lib/colors';
import { axisTooltip, baseGrid, categoryAxis, topLegend, valueAxis } from '../lib/charts';
import { fmtDec1, fmtInt, fmtWithUnit } from '../lib/format';
import { CompactTable } from './CompactTable';
import { SchoolEditModal } from './edit/SchoolEditModal';
import { EditHistory } from './edit/EditHistory';
import { editStrings } from '../i18n/zh-edit';
import { useToast } from '../state/useToast';

const t = zh.schoolDrawer;

function sumValues(v: Partial<Record<Stage, number>> | undefined): number {
  return v ? Object.values(v).reduce<number>((a, b) => a + (b ?? 0), 0) : 0;
}

function historyOption(d: SchoolDetail): ChartOption {
  const years = d.years.map(String);
  const stages = STAGES.filter((s) => years.some((y) => (d.studentsByYear[y]?.[s] ?? 0) > 0));
  return {
    grid: baseGrid({ right: 8 }),
    legend: topLegend(),
    tooltip: { ...axisTooltip(''), valueFormatter: (v) => fmtInt(typeof v === 'number' ? v : null) },
    xAxis: categoryAxis(years),
    yAxis: [valueAxis(t.studentsAxis, 'left'), { ...valueAxis(t.classesAxis, 'right'), splitLine: { show: false } }],
    series: [
      ...stages.map((s) => ({
        type: 'bar' as const,
        name: STAGE_LABEL[s],
        stack: 'students',
        data: years.map((y) => d.studentsByYear[y]?.[s] ?? 0),
        itemStyle: { color: STAGE_COLOR[s] },
        barMaxWidth: 32,
      })),
      {
        type: 'line' as const,
        name: t.classesSeries,
        yAxisIndex: 1,
        data: years.map((y) => sumValues(d.classesByYear[y])),
        itemStyle: { color: '#2b3a4a' },
        lineStyle: { width: 2, type: 'dashed' as const },
        symbolSize: 6,
      },
    ],
  };
}

/** A stored fact with its unit; coordinates are shown together as the location. */
function factItem(s: SchoolDetail['school'], f: SchoolFact) {
  const def: SchoolFactDef = SCHOOL_FACTS[f];
  return { key: f, label: def.label, children: def.unit ? fmtWithUnit(s[f], def.unit, def.decimals) : fmtInt(s[f]) };
}

function factItems(d: SchoolDetail): DescriptionsProps['items'] {
  const s = d.school;
  return [
    { key: 'code', label: t.code, children: <span className="mono">{s.code}</span> },
    { key: 'kind', label: t.kind, children: s.kindLabel },
    { key: 'ownership', label: t.ownership, children: s.ownership },
    { key: 'township', label: t.township, children: s.townshipName },
    { key: 'ur', label: t.urbanRural, children: <UrbanRuralTag value={s.urbanRural} /> },
    { key: 'status', label: t.status, children: s.status },
    ...SCHOOL_FACT_FIELDS.filter((f) => f !== 'lat' && f !== 'lng').map((f) => factItem(s, f)),
    { key: 'location', label: t.location, children: s.lat !== null && s.lng !== null ? `${s.lng}, ${s.lat}` : zh.common.none },
  ];
}

/** A right-aligned whole number. */
const countColumn = (title: string, dataIndex: string, key = dataIndex) => ({ title, dataIndex, key, align: 'right' as const, render: (v: number | null) => fmtInt(v) });

const gradeColumns: TableColumnsType<GradeCell> = [
  { title: t.colGrade, dataIndex: 'label', key: 'label', width: 110 },
  countColumn(t.colClasses, 'classes'),
  countColumn(t.colStudents, 'students'),
  {
    title: t.colAvg,
    key: 'avg',
    align: 'right',
    render: (_: unknown, r) => {
      const avg = r.classes !== null && r.classes > 0 ? r.students / r.classes : null;
      const color = classSizeColor(avg);
      return <span style={color ? { color, fontWeight: 600 } : undefined}>{fmtDec1(avg)}</span>;
    },
  },
];

function GradeTable({ grades: unordered }: { grades: GradeCell[] }) {
  // Read a combined school from its youngest grade up, whatever order the rows came in.
  const grades = [...unordered].sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.grade - b.grade);
  // One grade's unknown count leaves the total unknown, shown as such rather than a short sum.
  const classes = grades.reduce<number | null>((a, g) => (a === null || g.classes === null ? null : a + g.classes), 0);
  const students = grades.reduce((a, g) => a + g.students, 0);
  return (
    <CompactTable<GradeCell>
      rowKey={(g) => `${g.stage}-${g.grade}`}
      columns={gradeColumns}
      dataSource={grades}
      summary={() => (
        <Table.Summary.Row className="summary-row">
          <Table.Summary.Cell index={0}>{t.total}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">{fmtInt(classes)}</Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">{fmtInt(students)}</Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">{fmtDec1(classes !== null && classes > 0 ? students / classes : null)}</Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}

function StaffTable({ d }: { d: SchoolDetail }) {
  const rows = [...d.staff].sort((a, b) => b.year - a.year);
  const columns: TableColumnsType<StaffRecord> = [
    { title: t.colYear, dataIndex: 'year', key: 'year', width: 80 },
    countColumn(t.colTeachers, 'teachers'),
    countColumn(t.colQualified, 'qualifiedAbove', 'q'),
    countColumn(t.colKey, 'keyTeachers', 'k'),
    countColumn(t.colPeArts, 'peArtsTeachers', 'pe'),
    {
      title: t.colRatio,
      key: 'ratio',
      align: 'right',
      // 生师比 uses that year's students, so a planner can compare with the 19:1 style norms.
      render: (_: unknown, r) => {
        const students = sumValues(d.studentsByYear[String(r.year)]);
        return r.teachers > 0 && students > 0 ? `${fmtDec1(students / r.teachers)} : 1` : zh.common.none;
      },
    },
  ];
  if (rows.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noStaff} />;
  return <CompactTable<StaffRecord> rowKey="year" columns={columns} dataSource={rows} />;
}

/** Editing from the drawer: the page refetches (`version`) and follows a changed code (`onEdited`). */
interface EditHooks {
  version: number;
  /** After a save or an undo, with the school's code as it now is. */
  onEdited: (code: string) => void;
}

function DetailBody({ data, version, onEdited }: { data: SchoolDetail } & EditHooks) {
  const chart = useMemo(() => historyOption(data), [data]);
  const latest = data.years[data.years.length - 1] ?? null;
  const profileYear = data.staffProfile.reduce<number | null>((y, r) => (y === null || r.year > y ? r.year : y), null);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Descriptions size="small" bordered column={3} items={factItems(data)} className="facts" />
      <Section title={t.history}>
        {data.years.length > 0 ? (
          <EChart option={chart} height={260} testId="school-history-chart" label={t.history} />
        ) : (
          <div data-testid="school-history-chart">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noHistory} />
          </div>
        )}
      </Section>
      <div className="drawer-two-col">
        <Section title={t.grades(latest)}>
          {data.latestGrades.length > 0 ? (
            <GradeTable grades={data.latestGrades} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t.noHistory} />
          )}
        </Section>
        <Section title={t.staff}>
          <StaffTable d={data} />
        </Section>
      </div>
      {profileYear !== null ? (
        <Section title={zh.teachers.profileTitle(profileYear)}>
          <StaffProfileTable rows={data.staffProfile} year={profileYear} />
        </Section>
      ) : null}
      <Section title={editStrings.history}>
        <EditHistory version={version} onChanged={() => onEdited(data.school.code)} target="school" recordKey={data.school.code} />
      </Section>
    </Space>
  );
}

function DrawerTitle({ data }: { data: SchoolDetail | undefined }) {
  if (!data) return <span>{t.title}</span>;
  return (
    <Space size={8} wrap>
      <Typography.Text strong style={{ fontSize: 16 }}>
        {data.school.name}
      </Typography.Text>
      <Tag color={PRIMARY} variant="outlined">
        {data.school.kindLabel}
      </Tag>
      {/* A combined school's stages say more than its kind; a single stage would repeat it. */}
      {data.school.stages.length > 1 ? <StageTags stages={data.school.stages} /> : null}
      <Typography.Text type="secondary">{data.school.townshipName}</Typography.Text>
    </Space>
  );
}

function LoadedDrawer({ code, open, onClose, version, onEdited }: { code: string; open: boolean; onClose: () => void } & EditHooks) {
  const { data, error, reload } = useApi('schools.detail', { code }, [code, version]);
  const [editing, setEditing] = useState(false);
  const message = useToast();
  // While another school loads, keep showing nothing stale: only data for this code counts.
  const current = data && data.school.code === code ? data : undefined;
  const editButton = current ? (
    <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="school-edit-button">
      {editStrings.edit}
    </Button>
  ) : null;
  return (
    <Drawer open={open} onClose={onClose} size={900} title={<DrawerTitle data={current} />} extra={editButton} className="school-drawer">
      <div data-testid="school-drawer" data-code={code}>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : !current ? (
          <PageLoading />
        ) : (
          <DetailBody data={current} version={version} onEdited={onEdited} />
        )}
      </div>
      {current && editing ? (
        <SchoolEditModal
          school={current.school}
          open
          onClose={() => setEditing(false)}
          onSaved={(result) => {
            setEditing(false);
            void message.success(editStrings.saved(result.subject, result.changes.length));
            onEdited(result.key);
          }}
        />
      ) : null}
    </Drawer>
  );
}

export function SchoolDrawer({ code, onClose, version = 0, onEdited = () => undefined }: { code: string | null; onClose: () => void } & Partial<EditHooks>) {
  // Keep the last school mounted while the drawer slides shut, so it closes with its content.
  const [shown, setShown] = useState<string | null>(code);
  if (code !== null && code !== shown) setShown(code);
  return shown ? <LoadedDrawer code={shown} open={code !== null} onClose={onClose} version={version} onEdited={onEdited} /> : null;
}
