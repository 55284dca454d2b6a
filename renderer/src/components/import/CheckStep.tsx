// Step 4: the result of checking every row before anything is written. Errors block (unless
// the planner chose to skip the rows that have them); warnings must be accepted.
import { Alert, Checkbox, Col, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ImportCheck } from '@shared/import';
import { zh } from '../../i18n/zh';
import { fmtInt } from '../../lib/format';
import { IssueTable, SEVERITY_COLOR } from './IssueTable';

const t = zh.importer;

interface Props {
  check: ImportCheck;
  skipInvalidRows: boolean;
  acceptWarnings: boolean;
  onAcceptWarnings: (v: boolean) => void;
}

export function CheckStep({ check, skipInvalidRows, acceptWarnings, onAcceptWarnings }: Props) {
  const c = check.counts;
  const stats: [string, number, string | undefined][] = [
    [t.counts.read, c.rowsRead, undefined],
    [t.counts.importable, c.rowsImported, '#237804'],
    [t.counts.skipped, c.rowsSkipped, undefined],
    [t.counts.rejected, c.rowsRejected, c.rowsRejected > 0 ? '#cf1322' : undefined],
  ];
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="import-check-step">
      <Row gutter={12}>
        {stats.map(([label, value, color]) => (
          <Col span={6} key={label}>
            <div className="check-stat">
              <Statistic title={label} value={value} formatter={(v) => fmtInt(Number(v))} styles={color ? { content: { color } } : undefined} />
            </div>
          </Col>
        ))}
      </Row>
      {check.issueTotals.error > 0 && !check.canCommit ? <Alert type="error" showIcon title={t.errorsBlock} data-testid="import-errors-block" /> : null}
      {check.newTownships.length > 0 ? (
        <Alert type="warning" showIcon title={t.newTownships(check.newTownships.map((n) => `${n.name}（${n.code}）`).join('、'))} />
      ) : null}
      {/* With a handful of issues the list says it all; the summary helps with hundreds. */}
      {check.issues.length > 8 ? (
        <div>
          <Typography.Text strong>{t.issueGroups}</Typography.Text>
          <Table
            size="small"
            rowKey={(g) => `${g.severity}|${g.code}`}
            pagination={false}
            dataSource={check.groups}
            style={{ marginTop: 6 }}
            columns={[
              { title: t.colSeverity, dataIndex: 'severity', width: 64, render: (s: 'error' | 'warning' | 'info') => <Tag color={SEVERITY_COLOR[s]}>{t.severity[s]}</Tag> },
              { title: '条数', dataIndex: 'count', width: 64, align: 'right' },
              { title: t.colMessage, dataIndex: 'example', render: (m: string, g) => (g.count > 1 ? `${m}（等 ${g.count} 条）` : m) },
            ]}
          />
        </div>
      ) : null}
      <div>
        <Typography.Text strong>{t.issues}</Typography.Text>
        <div style={{ marginTop: 6 }}>
          <IssueTable issues={check.issues} totals={check.issueTotals} height={300} />
        </div>
      </div>
      {check.needsAcceptance && check.canCommit ? (
        <Checkbox checked={acceptWarnings} onChange={(e) => onAcceptWarnings(e.target.checked)} data-testid="import-accept-warnings">
          {t.acceptWarnings}（{check.issueTotals.warning} 条）
        </Checkbox>
      ) : null}
      {skipInvalidRows && c.rowsRejected > 0 && check.canCommit ? <Alert type="warning" showIcon title={`${c.rowsRejected} 行有错误，将不导入。`} /> : null}
    </Space>
  );
}
