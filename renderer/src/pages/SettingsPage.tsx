// 设置: the project's facts (editable) and its backups (list, back up now, restore).
import { useEffect, useState, type ReactNode } from 'react';
import { App, Button, Col, Descriptions, Form, Input, InputNumber, Radio, Row, Table, Typography, type TableColumnsType } from 'antd';
import { CloudDownloadOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import type { BackupEntry, ProjectSummary } from '@shared/api';
import { SCHOOL_SYSTEMS, type SchoolSystem } from '@shared/domain';
import { invoke } from '../api/client';
import { useApi } from '../api/useApi';
import { zh } from '../i18n/zh';
import { LoadError } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { ResetSampleButton } from '../components/ResetSampleButton';
import { Section } from '../components/Section';
import { fmtBytes, fmtTime, shownCountyCode } from '../lib/format';
import { useProject } from '../state/session';
import { useAttempt } from '../state/useReportError';
import { useToast } from '../state/useToast';

const t = zh.settings;

interface MetaValues {
  name: string;
  countyCode: string;
  schoolSystem: SchoolSystem;
  baseYear: number;
}

function toValues(p: ProjectSummary): MetaValues {
  return { name: p.name, countyCode: shownCountyCode(p.countyCode), schoolSystem: p.schoolSystem, baseYear: p.baseYear };
}

function MetaForm() {
  const { project, setProject } = useProject();
  const message = useToast();
  const attempt = useAttempt();
  const [form] = Form.useForm<MetaValues>();
  const [saving, setSaving] = useState(false);
  const [dirty, setDirty] = useState(false);

  useEffect(() => {
    form.setFieldsValue(toValues(project));
    setDirty(false);
  }, [project, form]);

  async function save(v: MetaValues) {
    await attempt(async () => {
      const code = v.countyCode.trim();
      const updated = await invoke('project.updateMeta', {
        name: v.name.trim(),
        schoolSystem: v.schoolSystem,
        baseYear: v.baseYear,
        // The code is optional for a new county; only send it when it has been filled in.
        ...(code ? { countyCode: code } : {}),
      });
      setProject(updated);
      void message.success(t.saved);
    }, setSaving);
  }

  return (
    <Form<MetaValues>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '120px' }}
      initialValues={toValues(project)}
      onFinish={(v) => void save(v)}
      onValuesChange={() => setDirty(true)}
      data-testid="settings-meta"
    >
      <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: zh.newModal.nameRequired }, { max: 60, message: zh.newModal.nameTooLong }]}>
        <Input maxLength={60} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="countyCode" label={t.code} rules={[{ pattern: /^\d{6}$/, message: zh.newModal.codeInvalid }]}>
        <Input maxLength={6} style={{ width: 160 }} inputMode="numeric" placeholder={zh.newModal.codePlaceholder} />
      </Form.Item>
      <Form.Item name="schoolSystem" label={t.system}>
        <Radio.Group optionType="button" options={SCHOOL_SYSTEMS.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="baseYear" label={t.baseYear} extra={t.baseYearHelp} rules={[{ required: true }]}>
        <InputNumber min={1990} max={2100} precision={0} style={{ width: 160 }} suffix={zh.common.yearSuffix} />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={saving} disabled={!dirty}>
          {t.save}
        </Button>
      </Form.Item>
    </Form>
  );
}

/** A file path that wraps after its separators, never inside a folder's or the file's name (unless one is wider than the box). */
function breakableAtSeparators(path: string): ReactNode[] {
  return path.split(/(?<=[\\/])/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]));
}

function FileFacts() {
  const { project } = useProject();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 132, whiteSpace: 'nowrap' } }}
      items={[
        {
          key: 'path',
          label: t.path,
          children: (
            <Typography.Text copyable={{ text: project.path }} className="path-text path-wrap">
              {breakableAtSeparators(project.path)}
            </Typography.Text>
          ),
        },
        { key: 'schema', label: t.schema, children: project.schemaVersion },
        { key: 'townships', label: zh.overview.townships, children: project.townships },
        { key: 'schools', label: zh.overview.schools, children: project.schools },
      ]}
    />
  );
}

function Backups() {
  const { dataVersion, replaceProject } = useProject();
  const { modal } = App.useApp();
  const message = useToast();
  const attempt = useAttempt();
  const { data, error, loading, reload } = useApi('backups.list', {}, [dataVersion]);
  const [creating, setCreating] = useState(false);

  async function backupNow() {
    await attempt(async () => {
      await invoke('backups.create', { reason: t.manualReason });
      void message.success(t.backedUp);
      reload();
    }, setCreating);
  }

  function confirmRestore(b: BackupEntry) {
    modal.confirm({
      title: t.restoreTitle,
      content: t.restoreBody(fmtTime(b.createdAt, true)),
      okText: t.restoreOk,
      cancelText: zh.common.cancel,
      okButtonProps: { danger: true },
      onOk: () =>
        attempt(async () => {
          const project = await invoke('backups.restore', { file: b.file });
          void message.success(t.restored);
          if (project.notice) void message.info(project.notice, 8);
          // Every page shows data from the replaced file: remount them all.
          replaceProject(project);
        }),
    });
  }

  const columns: TableColumnsType<BackupEntry> = [
    { title: t.colTime, dataIndex: 'createdAt', key: 'time', width: 170, render: (v: string) => fmtTime(v, true) },
    { title: t.colReason, dataIndex: 'reason', key: 'reason', ellipsis: true },
    { title: t.colSize, dataIndex: 'bytes', key: 'size', width: 110, align: 'right', render: (v: number) => fmtBytes(v) },
    {
      title: t.colAction,
      key: 'action',
      width: 90,
      align: 'center',
      render: (_: unknown, b) => (
        <Button size="small" icon={<HistoryOutlined />} onClick={() => confirmRestore(b)}>
          {t.restore}
        </Button>
      ),
    },
  ];

  const sorted = [...(data ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

  return (
    <Section
      title={t.backups}
      testId="settings-backups"
      extra={
        <Button type="primary" icon={<CloudDownloadOutlined />} loading={creating} onClick={() => void backupNow()} data-testid="backup-now">
          {t.backupNow}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t.backupsHint}</Typography.Paragraph>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<BackupEntry>
          size="small"
          rowKey="file"
          loading={loading && !data}
          columns={columns}
          dataSource={sorted}
          pagination={sorted.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: t.noBackups }}
        />
      )}
    </Section>
  );
}

function SampleReset() {
  const { project, home } = useProject();
  return (
    <Section title={zh.sampleReset.button} testId="settings-sample">
      <Typography.Paragraph type="secondary">{zh.sampleReset.hint}</Typography.Paragraph>
      <ResetSampleButton projectsDir={home.projectsDir} openProject={project.path} />
    </Section>
  );
}

export function SettingsPage() {
  return (
    <div className="page" data-testid="settings-page">
      <PageHeader title={t.title} />
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Section title={t.project}>
            <MetaForm />
          </Section>
        </Col>
        <Col xs={24} xl={12}>
          <Section title={t.path}>
            <FileFacts />
          </Section>
        </Col>
      </Row>
      <Backups />
      <SampleReset />
    </div>
  );
}
