// 编辑乡镇: name, code, kind, 城乡分类, 学区（片区）; only changed fields are sent.
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import type { TownshipRow } from '@shared/api';
import { TOWNSHIP_FIELDS, URBAN_RURAL, type EditResult } from '@shared/domain';
import { invoke } from '../../api/client';
import { editStrings as t } from '../../i18n/zh-edit';
import { useEditSave } from './useEditSave';

const FIELDS = Object.keys(TOWNSHIP_FIELDS) as (keyof typeof TOWNSHIP_FIELDS)[];
const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

interface Props {
  township: TownshipRow;
  onClose: () => void;
  onSaved: (result: EditResult) => void;
}

export function TownshipEditModal({ township, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Record<string, unknown>>();
  const { error, saving, save } = useEditSave((changes) => invoke('townships.update', { township: township.code, changes: changes as never }), onSaved);

  return (
    <Modal
      open
      width={520}
      title={t.townshipTitle(township.name)}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={saving}
      onOk={() => void save({ ...township }, form.getFieldsValue(true), FIELDS)}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'township-save' } as never}
    >
      <div data-testid="township-edit">
        <Typography.Paragraph type="secondary">{t.townshipsHint}</Typography.Paragraph>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="edit-error" /> : null}
        <Form form={form} layout="vertical" initialValues={{ ...township }} size="small">
          <Form.Item name="name" label={TOWNSHIP_FIELDS.name.label}>
            <Input data-testid="township-name" />
          </Form.Item>
          <Form.Item name="code" label={TOWNSHIP_FIELDS.code.label}>
            <Input className="mono" />
          </Form.Item>
          <Form.Item name="kind" label={TOWNSHIP_FIELDS.kind.label}>
            <Select options={choices(['街道', '镇', '乡'])} />
          </Form.Item>
          <Form.Item name="urbanRural" label={TOWNSHIP_FIELDS.urbanRural.label}>
            <Select options={choices(URBAN_RURAL)} />
          </Form.Item>
          <Form.Item name="area" label={TOWNSHIP_FIELDS.area.label}>
            <Input />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
