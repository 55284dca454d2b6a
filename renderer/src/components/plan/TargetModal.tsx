// Adds or edits one target: its requirement (comparator and value) and 属性; a planner's own
// target also carries its code, unit and the base and projected values typed in.
import { useEffect } from 'react';
import { Form, Input, InputNumber, Segmented, Select } from 'antd';
import { COMPARATOR_LABEL, COMPARATORS, TARGET_ATTRIBUTES, targetDef, type PlanTarget } from '@shared/plan';
import { zh } from '../../i18n/zh';
import { SaveModal } from '../SaveModal';

const t = zh.plan.targets;

interface Props {
  open: boolean;
  /** The target as it stands (editing) or as proposed (adding). */
  target: PlanTarget | null;
  adding: boolean;
  existingKeys: string[];
  onClose: () => void;
  onSave: (target: PlanTarget, previousKey: string | undefined) => Promise<boolean>;
}

export function TargetModal({ open, target, adding, existingKeys, onClose, onSave }: Props) {
  const [form] = Form.useForm<PlanTarget>();
  const custom = target !== null && !targetDef(target.key);

  useEffect(() => {
    if (open && target) form.setFieldsValue(target);
  }, [open, target, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const next: PlanTarget = {
      key: v.key,
      name: v.name,
      unit: v.unit ?? '',
      comparator: v.comparator,
      target: v.target,
      attribute: v.attribute,
      manualBase: custom ? (v.manualBase ?? null) : null,
      manualProjected: custom ? (v.manualProjected ?? null) : null,
    };
    if (await onSave(next, adding ? undefined : target?.key)) onClose();
  };

  return (
    <SaveModal
      open={open}
      title={adding ? t.modalAdd : t.modalEdit}
      onOk={() => void submit()}
      onCancel={onClose}
      width={520}
      okButtonProps={{ 'data-testid': 'target-save' }}
    >
      <Form form={form} layout="vertical" requiredMark={false} data-testid="target-form">
        <Form.Item name="name" label={t.nameLabel} rules={[{ required: true, whitespace: true, message: t.nameLabel }]}>
          <Input maxLength={60} />
        </Form.Item>
        {custom ? (
          <div className="editor-grid">
            <Form.Item
              name="key"
              label={t.key}
              extra={t.keyHint}
              rules={[
                { required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t.keyHint },
                {
                  validator: (_, v: string) =>
                    adding && existingKeys.includes(v) ? Promise.reject(new Error(`${t.key}：${v}`)) : Promise.resolve(),
                },
              ]}
            >
              <Input maxLength={40} disabled={!adding} />
            </Form.Item>
            <Form.Item name="unit" label={t.unit}>
              <Input maxLength={10} />
            </Form.Item>
          </div>
        ) : (
          <Form.Item name="key" hidden>
            <Input />
          </Form.Item>
        )}
        <div className="editor-grid">
          <Form.Item name="comparator" label={t.comparator} rules={[{ required: true }]}>
            <Select options={COMPARATORS.map((c) => ({ value: c, label: COMPARATOR_LABEL[c] }))} />
          </Form.Item>
          <Form.Item name="target" label={t.targetValue} rules={[{ required: true, message: t.targetValue }]}>
            <InputNumber style={{ width: '100%' }} min={-1e9} max={1e9} data-testid="target-value" />
          </Form.Item>
        </div>
        {!custom ? (
          <Form.Item name="unit" hidden>
            <Input />
          </Form.Item>
        ) : null}
        <Form.Item name="attribute" label={t.attribute}>
          <Segmented options={TARGET_ATTRIBUTES.map((a) => ({ value: a, label: a }))} />
        </Form.Item>
        {custom ? (
          <div className="editor-grid">
            <Form.Item name="manualBase" label={t.manualBase}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="manualProjected" label={t.manualProjected}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </div>
        ) : null}
      </Form>
    </SaveModal>
  );
}
