// Step 2: which sheet, and where its header is. The sheet's first rows are shown with the
// header rows shaded, so the planner sees what was found and can correct it.
import { useEffect, useState } from 'react';
import { Alert, Button, Empty, Flex, InputNumber, List, Space, Tag, Typography } from 'antd';
import { EyeInvisibleOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ImportAnalysis, ImportFileStatus } from '@shared/import';
import { columnLetter } from '@shared/import';
import { zh } from '../../i18n/zh';
import { CompactTable } from '../CompactTable';

const t = zh.importer;

interface Props {
  file: ImportFileStatus;
  sheet: string | null;
  analysis: ImportAnalysis | null;
  loading: boolean;
  onSheet: (name: string) => void;
  onHeaderRows: (rows: { first: number; last: number } | null) => void;
}

function RawPreview({ analysis }: { analysis: ImportAnalysis }) {
  const width = Math.max(1, ...analysis.rawRows.map((r) => r.cells.length));
  const shown = Math.min(width, 14);
  const header = analysis.header;
  const columns = [
    { title: '', dataIndex: 'row', width: 44, fixed: 'left' as const, className: 'raw-rownum' },
    ...Array.from({ length: shown }, (_, c) => ({
      title: columnLetter(c),
      dataIndex: c,
      width: 110,
      ellipsis: true,
      render: (v: string) => v,
    })),
  ];
  const data = analysis.rawRows.map((r) => ({ key: r.row, row: r.row, ...Object.fromEntries(r.cells.slice(0, shown).map((v, c) => [c, v])) }));
  return (
    <CompactTable
      className="raw-preview"
      columns={columns}
      dataSource={data}
      scroll={{ x: 44 + shown * 110 }}
      rowClassName={(r) => (header && r.row >= header.first && r.row <= header.last ? 'raw-header-row' : '')}
      data-testid="import-raw-preview"
    />
  );
}

export function SheetStep({ file, sheet, analysis, loading, onSheet, onHeaderRows }: Props) {
  const [first, setFirst] = useState<number | null>(analysis?.header?.first ?? null);
  const [last, setLast] = useState<number | null>(analysis?.header?.last ?? null);
  useEffect(() => {
    setFirst(analysis?.header?.first ?? null);
    setLast(analysis?.header?.last ?? null);
  }, [analysis]);
  const headerIssue = analysis?.issues.find((i) => i.severity === 'error');

  return (
    <div className="sheet-step" data-testid="import-sheet-step">
      <div className="sheet-list">
        <Typography.Text strong>{t.sheet}</Typography.Text>
        <List
          size="small"
          bordered
          dataSource={file.sheets}
          renderItem={(s) => (
            <List.Item
              className={`sheet-item ${s.name === sheet ? 'sheet-item-selected' : ''}`}
              onClick={() => onSheet(s.name)}
              data-testid={`import-sheet-${s.name}`}
            >
              <Flex vertical gap={2} style={{ width: '100%' }}>
                <Flex justify="space-between" align="center" gap={8}>
                  <Typography.Text strong={s.name === sheet} ellipsis>
                    {s.name}
                  </Typography.Text>
                  {s.hidden ? (
                    <Tag icon={<EyeInvisibleOutlined />} color="default" title={t.hiddenHint}>
                      {t.hidden}
                    </Tag>
                  ) : null}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.rows === 0 ? t.emptySheet : t.sheetRows(s.rows, s.cols)}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      </div>
      <div className="sheet-detail">
        {analysis ? (
          <Space orientation="vertical" size={10} style={{ width: '100%' }}>
            {analysis.header ? (
              <Alert
                type="success"
                showIcon
                title={t.headerAt(analysis.header.first, analysis.header.last)}
                description={analysis.titleYear ? t.titleYear(analysis.titleYear) : undefined}
                data-testid="import-header-found"
              />
            ) : (
              <Alert type="error" showIcon title={t.headerNotFound} description={headerIssue?.message} data-testid="import-header-missing" />
            )}
            <Flex align="center" gap={8} wrap>
              <Typography.Text>{t.headerRows}：</Typography.Text>
              <Typography.Text type="secondary">{t.headerFrom}</Typography.Text>
              <InputNumber size="small" min={1} max={1000} value={first} onChange={(v) => setFirst(v)} style={{ width: 72 }} data-testid="import-header-first" />
              <Typography.Text type="secondary">{t.headerTo}</Typography.Text>
              <InputNumber size="small" min={1} max={1000} value={last} onChange={(v) => setLast(v)} style={{ width: 72 }} data-testid="import-header-last" />
              <Typography.Text type="secondary">{t.headerRowUnit}</Typography.Text>
              <Button
                size="small"
                icon={<ReloadOutlined />}
                loading={loading}
                disabled={first === null || last === null || last < first || last - first > 2}
                onClick={() => first !== null && last !== null && onHeaderRows({ first, last })}
              >
                {t.redetect}
              </Button>
              <Button size="small" type="link" onClick={() => onHeaderRows(null)}>
                {t.autoDetect}
              </Button>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t.rawPreview}
            </Typography.Text>
            <RawPreview analysis={analysis} />
          </Space>
        ) : (
          <Empty description={loading ? zh.common.loading : t.sheet} />
        )}
      </div>
    </div>
  );
}
