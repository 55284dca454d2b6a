// 集团与特殊教育: the county's school groups (add, change, remove) and one school-year's pupils
// with disabilities and resource rooms, each saved as an undoable edit (inclusion.edit).
import { useMemo, useState } from 'react';
import { Button, Card, Flex, Form, Input, InputNumber, Select, Table, Typography, type TableColumnsType } from 'antd';
import type { SchoolRow } from '@shared/api';
import { GROUP_KINDS, type InclusionData, type SchoolGroup } from '@shared/domain';
import { invoke } from '../../api/client';
import { useApi } from '../../api/useApi';
import { inclusionStrings as t } from '../../i18n/zh-inclusion';
import { useToast } from '../../state/useToast';

interface Props {
  version: number;
  schools: readonly SchoolRow[];
  onChanged: () => void;
}

const nullable = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function InclusionEditor({ version, schools, onChanged }: Props) {
  const message = useToast();
  const { data } = useApi('inclusion.get', {}, [version]);
  const [groupForm] = Form.useForm<Record<string, unknown>>();
  const [roomForm] = Form.useForm<Record<string, unknown>>();
  const [busy, setBusy] = useState(false);
  const names = useMemo(() => new Map(schools.map((s) => [s.code, s.name])), [schools]);
  const options = useMemo(() => schools.map((s) => ({ value: s.code, label: `${s.name}（${s.code}）` })), [schools]);
  const latestYear = useMemo(() => schools.reduce((m, s) => Math.max(m, s.year ?? 0), 0) || new Date().getFullYear(), [schools]);

  const run = async (input: Parameters<typeof invoke<'inclusion.edit'>>[1]) => {
    setBusy(true);
    try {
      const r = await invoke('inclusion.edit', input);
      void message.success(t.saved(r.subject));
      onChanged();
      return true;
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const saveGroup = async () => {
    const v = await groupForm.validateFields();
    const name = String(v.name ?? '').trim();
    const previous = (data as InclusionData | undefined)?.groups.find((g) => g.name === v.previousName);
    const ok = await run({
      what: 'group', name, kind: v.kind as SchoolGroup['kind'], core: String(v.core), members: (v.members as string[] | undefined) ?? [],
      yearFormed: nullable(v.yearFormed), ...(previous ? { previousName: previous.name } : {}),
    });
    if (ok) groupForm.resetFields();
  };

  const saveRooms = async () => {
    const v = await roomForm.validateFields();
    await run({
      what: 'specialNeeds', school: String(v.school), year: Number(v.year), inclusive: nullable(v.inclusive), specialClass: nullable(v.specialClass),
      homeTaught: nullable(v.homeTaught), resourceRooms: nullable(v.resourceRooms),
    });
  };

  const pickRoomSchool = (code: string) => {
    const year = Number(roomForm.getFieldValue('year') ?? latestYear);
    const r = data?.specialNeeds.find((x) => x.school === code && x.year === year);
    roomForm.setFieldsValue({ inclusive: r?.inclusive ?? null, specialClass: r?.specialClass ?? null, homeTaught: r?.homeTaught ?? null, resourceRooms: r?.resourceRooms ?? null });
  };

  const columns: TableColumnsType<SchoolGroup> = [
    { title: t.groupName, dataIndex: 'name' },
    { title: t.groupKind, dataIndex: 'kind', width: 84 },
    { title: t.core, dataIndex: 'core', render: (c: string) => names.get(c) ?? c },
    { title: t.members, dataIndex: 'members', render: (m: string[]) => m.map((c) => names.get(c) ?? c).join('、') || '—' },
    { title: t.yearFormed, dataIndex: 'yearFormed', width: 80, render: (y: number | null) => y ?? '—' },
    {
      title: '',
      width: 110,
      render: (_, g) => (
        <Flex gap={4}>
          <Button size="small" type="link" onClick={() => groupForm.setFieldsValue({ ...g, previousName: g.name })}>
            编辑
          </Button>
          <Button size="small" type="link" danger disabled={busy} onClick={() => void run({ what: 'removeGroup', name: g.name })}>
            {t.removeGroup}
          </Button>
        </Flex>
      ),
    },
  ];

  return (
    <div data-testid="inclusion-editor">
      <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
      <Card size="small" title={t.groups} style={{ marginBottom: 12 }}>
        <Table<SchoolGroup> size="small" rowKey="name" columns={columns} dataSource={data?.groups ?? []} pagination={false} locale={{ emptyText: t.noGroups }} />
        <Form form={groupForm} layout="inline" size="small" style={{ marginTop: 12, rowGap: 8 }} initialValues={{ kind: GROUP_KINDS[0], yearFormed: latestYear }}>
          <Form.Item name="previousName" hidden>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t.groupName} rules={[{ required: true, message: t.required(t.groupName) }]}>
            <Input style={{ width: 200 }} data-testid="group-name" />
          </Form.Item>
          <Form.Item name="kind" label={t.groupKind}>
            <Select style={{ width: 110 }} options={GROUP_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="core" label={t.core} rules={[{ required: true, message: t.required(t.core) }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 240 }} options={options} data-testid="group-core" />
          </Form.Item>
          <Form.Item name="members" label={t.members}>
            <Select mode="multiple" showSearch optionFilterProp="label" style={{ width: 360 }} options={options} data-testid="group-members" />
          </Form.Item>
          <Form.Item name="yearFormed" label={t.yearFormed}>
            <InputNumber min={1949} max={2100} style={{ width: 90 }} />
          </Form.Item>
          <Button type="primary" size="small" loading={busy} onClick={() => void saveGroup()} data-testid="group-save">
            {t.saveGroup}
          </Button>
        </Form>
      </Card>
      <Card size="small" title={t.rooms}>
        <Form form={roomForm} layout="inline" size="small" style={{ rowGap: 8 }} initialValues={{ year: latestYear }}>
          <Form.Item name="school" label={t.school} rules={[{ required: true, message: t.required(t.school) }]}>
            <Select showSearch optionFilterProp="label" style={{ width: 260 }} options={options} onChange={pickRoomSchool} data-testid="rooms-school" />
          </Form.Item>
          <Form.Item name="year" label={t.year} rules={[{ required: true, message: t.required(t.year) }]}>
            <InputNumber min={1949} max={2100} style={{ width: 90 }} />
          </Form.Item>
          <Form.Item name="inclusive" label={t.inclusive}>
            <InputNumber min={0} style={{ width: 80 }} data-testid="rooms-inclusive" />
          </Form.Item>
          <Form.Item name="specialClass" label={t.specialClass}>
            <InputNumber min={0} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="homeTaught" label={t.homeTaught}>
            <InputNumber min={0} style={{ width: 80 }} />
          </Form.Item>
          <Form.Item name="resourceRooms" label={t.resourceRooms}>
            <InputNumber min={0} style={{ width: 80 }} data-testid="rooms-count" />
          </Form.Item>
          <Button type="primary" size="small" loading={busy} onClick={() => void saveRooms()} data-testid="rooms-save">
            {t.saveRooms}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
