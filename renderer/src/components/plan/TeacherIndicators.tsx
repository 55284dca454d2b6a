// The 义务教育 staffing indicators in the base and target years, from the evaluation
// (shared/plan/teachers): counts per 100 pupils and shares. What the project has no data for
// says so instead of showing 0.
import { Typography, type TableColumnsType } from 'antd';
import type { PlanEvaluation, TeacherIndicatorYear } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { fmtDec1, fmtRatio } from '../../lib/format';
import { CompactTable } from '../CompactTable';
import { helpTitle } from '../NumberHelp';

const t = zh.teachers;

interface IndicatorRow {
  key: string;
  name: string;
  value: (y: TeacherIndicatorYear) => string;
}

const per100 = (n: number, y: TeacherIndicatorYear) => (y.students > 0 && y.teachers > 0 ? fmtDec1((n / y.students) * 100) : t.missing);
const share = (n: number, y: TeacherIndicatorYear) => (y.teachers > 0 ? fmtRatio(n / y.teachers) : t.missing);

const ROWS: readonly IndicatorRow[] = [
  { key: 'key', name: t.indicatorKey, value: (y) => per100(y.keyTeachers, y) },
  { key: 'peArts', name: t.indicatorPeArts, value: (y) => per100(y.peArtsTeachers, y) },
  { key: 'above', name: t.indicatorAbove, value: (y) => share(y.qualifiedAbove, y) },
  { key: 'compliance', name: t.indicatorCompliance, value: (y) => (y.degreeCompliance === null ? t.missingDegrees : fmtRatio(y.degreeCompliance)) },
  { key: 'exchange', name: t.indicatorExchange, value: () => t.missingExchange },
];

export function TeacherIndicators({ ev, target }: { ev: PlanEvaluation; target: number }) {
  const years = [0, target];
  const columns: TableColumnsType<IndicatorRow> = [
    { title: t.indicator, dataIndex: 'name', key: 'name', width: 260 },
    ...years.map((i, k) => ({
      title: helpTitle(t.year(ev.years[i] as number, k === 0 ? t.base : t.target), 'teachers.indicators'),
      key: `y${i}`,
      align: 'right' as const,
      render: (_: unknown, r: IndicatorRow) => {
        const y = ev.teachers.indicators[i];
        return <span className="num">{y ? r.value(y) : t.missing}</span>;
      },
    })),
  ];
  return (
    <>
      <CompactTable<IndicatorRow> rowKey="key" columns={columns} dataSource={[...ROWS]} data-testid="teacher-indicators" />
      <Typography.Paragraph type="secondary" className="balance-note" data-testid="teacher-indicators-note">
        {t.indicatorsNote}
      </Typography.Paragraph>
    </>
  );
}

