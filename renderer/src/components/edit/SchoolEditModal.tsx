// 编辑学校: every field of the school declaration in one form; only changed fields are sent,
// and the backend's Chinese refusal is shown in the form.
import { useMemo } from 'react';
import { Alert, Col, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import type { NamedSchool } from '@shared/api';
import { KIND_LABEL, OWNERSHIPS, headerOf, SCHOOL_FIELDS, SCHOOL_KINDS, URBAN_RURAL, type EditResult, type FieldDef } from '@shared/domain';
import { invoke } from '../../api/client';
import { useApi } from '../../api/useApi';
import { editStrings as t } from '../../i18n/zh-edit';
import { useEditSave } from './useEditSave';

type Field = keyof typeof SCHOOL_FIELDS;
const IDENTITY: readonly Field[] = ['code', 'name', 'kind', 'ownership', 'township', 'urbanRural', 'status'];
const isFact = (def: FieldDef) => 'import' in def;

const choices = (values: readonly string[], label: (v: string) => string = (v) => v) => values.map((v) => ({ value: v, label: label(v) }));

interface Props {
  school: NamedSchool;
  open: boolean;
  onClose: () => void;
  onSaved: (result: EditResult) => void;
}

export function SchoolEditModal({ school, open, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { error, saving, save } = useEditSave((changes) => invoke('schools.update', { school: school.code, changes: changes as never }), onSaved);
  const townships = useApi('townships.list', {}, [open]);
  const initial = useMemo(() => ({ ...school }) as Record<string, unknown>, [school]);

  const control = (k: Field, def: FieldDef) => {
    if (k === 'kind') return <Select options={choices(SCHOOL_KINDS, (v) => KIND_LABEL[v as (typeof SCHOOL_KINDS)[number]])} />;
    if (k === 'ownership') return <Select options={choices(OWNERSHIPS)} />;
    if (k === 'urbanRural') return <Select options={choices(URBAN_RURAL)} />;
    if (k === 'status') return <Select options={choices(['在办', '停办'])} />;
    if (k === 'township') {
      return <Select showSearch optionFilterProp="label" options={(townships.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` }))} />;
    }
    if (isFact(def)) {
      const coordinate = k === 'lat' || k === 'lng';
      return <InputNumber style={{ width: '100%' }} min={coordinate ? undefined : 0} placeholder={t.empty} data-testid={`edit-${k}`} />;
    }
    // A list field (曾用名): each name a tag.
    if ('json' in def) return <Select mode="tags" open={false} tokenSeparators={['、', ',', '，']} data-testid={`edit-${k}`} />;
    return <Input data-testid={`edit-${k}`} />;
  };

  const item = (k: Field) => {
    const def = SCHOOL_FIELDS[k] as FieldDef;
    return (
      <Col span={8} key={k}>
        <Form.Item name={k} label={headerOf(def)} style={{ marginBottom: 12 }}>
          {control(k, def)}
        </Form.Item>
      </Col>
    );
  };

  const fields = Object.keys(SCHOOL_FIELDS) as Field[];
  const facts = fields.filter((k) => !IDENTITY.includes(k) && isFact(SCHOOL_FIELDS[k] as FieldDef));
  const others = fields.filter((k) => !IDENTITY.includes(k) && !isFact(SCHOOL_FIELDS[k] as FieldDef));

  return (
    <Modal
      open={open}
      width={820}
      title={t.schoolTitle(school.name)}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={saving}
      onOk={() => void save(initial, form.getFieldsValue(true), fields)}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'edit-save' } as never}
    >
      <div data-testid="school-edit">
        <Typography.Paragraph type="secondary">{t.hint}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="edit-error" /> : null}
        <Form form={form} layout="vertical" initialValues={initial} size="small" preserve={false}>
          <Typography.Text strong>{t.groups.identity}</Typography.Text>
          <Row gutter={12}>{IDENTITY.map(item)}</Row>
          <Typography.Text strong>{t.groups.facts}</Typography.Text>
          <Row gutter={12}>{facts.map(item)}</Row>
          {others.length ? (
            <>
              <Typography.Text strong>{t.groups.other}</Typography.Text>
              <Row gutter={12}>{others.map(item)}</Row>
            </>
          ) : null}
        </Form>
      </div>
    </Modal>
  );
}
