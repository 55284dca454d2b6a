// Step 3: what each column is. Every proposal shows how sure it is and why; any can be
// changed. The mapping can be saved as a template (proposed again for files with the same
// headers) or exported as the JSON file `cli import --mapping` reads.
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Space, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ExportOutlined, SaveOutlined } from '@ant-design/icons';
import type { ColumnMapping, ImportAnalysis, TargetOption } from '@shared/import';
import type { CoordinateOption } from '@shared/geo/coords';
import { zh } from '../../i18n/zh';
import { CompactTable } from '../CompactTable';

const t = zh.importer;

export interface MappingOptions {
  year: number | null;
  createTownships: boolean;
  skipInvalidRows: boolean;
  /** The file's coordinate system; null: WGS-84/CGCS2000 经纬度. */
  coordinates: CoordinateOption | null;
}

const COORDINATE_CHOICES: { value: string; label: string; option: CoordinateOption | null }[] = [
  { value: 'wgs84', label: t.coordinateWgs84, option: null },
  { value: 'gcj02', label: t.coordinateGcj02, option: { system: 'gcj02' } },
  { value: 'bd09', label: t.coordinateBd09, option: { system: 'bd09' } },
  { value: 'projected', label: t.coordinateProjected, option: { system: 'projected' } },
];

interface Props {
  analysis: ImportAnalysis;
  targets: Record<number, string>;
  onTarget: (index: number, target: string) => void;
  options: MappingOptions;
  onOptions: (o: MappingOptions) => void;
  needsYear: boolean;
  /** The kind has no year (村（社区）, 学校集团): the year field is not shown. */
  yearless: boolean;
  onSaveTemplate: (name: string) => Promise<boolean>;
  onExport: () => void;
}

function confidenceTag(c: ColumnMapping, target: string) {
  if (target === 'ignore') return <Tag>{t.confidence.none}</Tag>;
  if (target !== c.target) return <Tag color="blue">手动</Tag>;
  if (c.confidence >= 1 && c.why.startsWith('按')) return <Tag color="purple">{t.confidence.template}</Tag>;
  if (c.confidence >= 0.9) return <Tag color="green">{t.confidence.high}</Tag>;
  if (c.confidence >= 0.7) return <Tag color="gold">{t.confidence.medium}</Tag>;
  return <Tag color="orange">{t.confidence.low}</Tag>;
}

function groupedOptions(options: readonly TargetOption[]) {
  const groups = new Map<string, { label: string; value: string }[]>();
  for (const o of options) {
    const list = groups.get(o.group) ?? [];
    list.push({ label: o.label, value: o.value });
    groups.set(o.group, list);
  }
  return [...groups.entries()].map(([label, options]) => ({ label, options }));
}

export function MappingStep({ analysis, targets, onTarget, options, onOptions, needsYear, yearless, onSaveTemplate, onExport }: Props) {
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const selectOptions = useMemo(() => groupedOptions(analysis.targets), [analysis.targets]);
  const columns = analysis.columns.filter((c) => c.parts.length > 0);
  const mapped = columns.filter((c) => (targets[c.index] ?? 'ignore') !== 'ignore').length;

  const tableColumns: TableColumnsType<ColumnMapping> = [
    { title: t.colColumn, dataIndex: 'letter', width: 52, align: 'center' },
    { title: t.colHeader, dataIndex: 'label', width: 220, render: (v: string) => <Typography.Text strong>{v}</Typography.Text> },
    {
      title: t.colSamples,
      dataIndex: 'samples',
      width: 180,
      ellipsis: true,
      render: (s: string[]) => <Typography.Text type="secondary">{s.join('，')}</Typography.Text>,
    },
    {
      title: t.colTarget,
      width: 300,
      render: (_, c) => (
        <Select
          size="small"
          showSearch={{ optionFilterProp: 'label' }}
          value={targets[c.index] ?? 'ignore'}
          options={selectOptions}
          onChange={(v: string) => onTarget(c.index, v)}
          style={{ width: '100%' }}
          popupMatchSelectWidth={360}
          data-testid={`import-target-${c.letter}`}
        />
      ),
    },
    { title: t.colConfidence, width: 76, align: 'center', render: (_, c) => confidenceTag(c, targets[c.index] ?? 'ignore') },
    { title: t.colWhy, dataIndex: 'why', ellipsis: { showTitle: false }, render: (w: string) => (
        <Tooltip title={w}>
          <span data-full-text={w}>{w}</span>
        </Tooltip>
      ) },
  ];

  return (
    <div data-testid="import-mapping-step">
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Flex justify="space-between" align="center" wrap gap={8}>
          <Typography.Text type="secondary">
            {t.mappingHint}
            <span style={{ marginLeft: 12 }}>{t.mappedCount(mapped, columns.length)}</span>
          </Typography.Text>
          <Space>
            <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="import-save-template">
              {t.saveTemplate}
            </Button>
            <Tooltip title={t.exportMappingHint}>
              <Button icon={<ExportOutlined />} onClick={onExport}>
                {t.exportMapping}
              </Button>
            </Tooltip>
          </Space>
        </Flex>
        {analysis.mappingSource ? <Alert type="info" showIcon title={t.fromTemplate(analysis.mappingSource)} /> : null}
        <CompactTable<ColumnMapping>
          rowKey="index"
          columns={tableColumns}
          dataSource={columns}
          scroll={{ y: 380 }}
          rowClassName={(c) => ((targets[c.index] ?? 'ignore') === 'ignore' ? 'mapping-ignored' : '')}
          data-testid="import-mapping-table"
        />
        <Form layout="inline" className="mapping-options">
          <Form.Item label={t.year} tooltip={t.yearHint} required={needsYear} validateStatus={needsYear && !options.year ? 'warning' : undefined} hidden={yearless}>
            <InputNumber
              min={1949}
              max={2100}
              precision={0}
              placeholder={t.yearPlaceholder}
              value={options.year}
              onChange={(v) => onOptions({ ...options, year: v })}
              style={{ width: 120 }}
              data-testid="import-year"
            />
          </Form.Item>
          {Object.values(targets).some((v) => v === 'lng' || v === 'lat') ? (
            <Form.Item label={t.coordinates} tooltip={t.coordinatesHint}>
              <Select
                value={options.coordinates?.system ?? 'wgs84'}
                onChange={(v: string) => onOptions({ ...options, coordinates: COORDINATE_CHOICES.find((c) => c.value === v)?.option ?? null })}
                options={COORDINATE_CHOICES.map(({ value, label }) => ({ value, label }))}
                style={{ width: 230 }}
                data-testid="import-coordinates"
              />
            </Form.Item>
          ) : null}
          <Form.Item extra={t.createTownshipsHint}>
            <Checkbox checked={options.createTownships} onChange={(e) => onOptions({ ...options, createTownships: e.target.checked })} data-testid="import-create-townships">
              {t.createTownships}
            </Checkbox>
          </Form.Item>
          <Form.Item>
            <Checkbox checked={options.skipInvalidRows} onChange={(e) => onOptions({ ...options, skipInvalidRows: e.target.checked })}>
              {t.skipInvalid}
            </Checkbox>
          </Form.Item>
        </Form>
      </Space>
      <Modal
        open={saving}
        title={t.saveTemplateTitle}
        okText={zh.common.save}
        cancelText={zh.common.cancel}
        okButtonProps={{ disabled: !name.trim() }}
        onCancel={() => setSaving(false)}
        onOk={async () => {
          if (await onSaveTemplate(name.trim())) setSaving(false);
        }}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label={t.templateName} extra={t.templateNameHint}>
            <Input value={name} maxLength={60} onChange={(e) => setName(e.target.value)} autoFocus data-testid="import-template-name" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
