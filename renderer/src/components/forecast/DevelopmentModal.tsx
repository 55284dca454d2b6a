// Adds or edits a new housing development (配套学位): where, how big, when completed, and
// whether it belongs to every scenario or one.
import { useEffect } from 'react';
import { App, Button, Form, Input, InputNumber, Select } from 'antd';
import type { Development, ProjectionSetup } from '@shared/projection';
import { invoke } from '../../api/client';
import { zh } from '../../i18n/zh';
import { useAttempt } from '../../state/useReportError';
import { SaveModal } from '../SaveModal';

const t = zh.forecast.development;

interface Values {
  name: string;
  township: string;
  dwellings: number | null;
  residents: number | null;
  completionYear: number;
  scenario: string;
}

interface Props {
  open: boolean;
  development: Development | null;
  setup: ProjectionSetup;
  baseYear: number;
  onClose: () => void;
  onSaved: () => void;
}

const ALL = '';

export function DevelopmentModal({ open, development, setup, baseYear, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const attempt = useAttempt();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      development
        ? { ...development, scenario: development.scenario ?? ALL }
        : { name: '', township: setup.townships[0]?.code ?? '', dwellings: null, residents: null, completionYear: baseYear + 2, scenario: ALL },
    );
  }, [open, development, form, setup.townships, baseYear]);

  const submit = async () => {
    const v = await form.validateFields();
    await attempt(async () => {
      await invoke('projection.saveDevelopment', {
        ...(development ? { id: development.id } : {}),
        development: {
          name: v.name,
          township: v.township,
          dwellings: v.dwellings ?? null,
          residents: v.residents ?? null,
          completionYear: v.completionYear,
          scenario: v.scenario === ALL ? null : v.scenario,
        },
      });
      void message.success(t.saved);
      onSaved();
    });
  };

  return (
    <SaveModal
      open={open}
      title={development ? t.edit : t.title}
      onOk={() => void submit()}
      onCancel={onClose}
      footer={(node) => (
        <>
          {development ? (
            <Button
              danger
              style={{ float: 'left' }}
              onClick={() =>
                attempt(async () => {
                  await invoke('projection.deleteDevelopment', { id: development.id });
                  void message.success(t.removed);
                  onSaved();
                })
              }
            >
              {t.remove}
            </Button>
          ) : null}
          {node}
        </>
      )}
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: t.name }]}>
          <Input maxLength={60} placeholder={t.namePlaceholder} />
        </Form.Item>
        <Form.Item name="township" label={t.township} rules={[{ required: true }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={setup.townships.map((x) => ({ value: x.code, label: x.name }))} />
        </Form.Item>
        <Form.Item
          name="dwellings"
          label={t.dwellings}
          dependencies={['residents']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value: number | null) =>
                (value ?? 0) > 0 || (getFieldValue('residents') ?? 0) > 0 ? Promise.resolve() : Promise.reject(new Error(t.needSize)),
            }),
          ]}
        >
          <InputNumber min={0} max={1_000_000} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="residents" label={t.residents}>
          <InputNumber min={0} max={5_000_000} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="completionYear" label={t.completionYear} rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="scenario" label={t.scenario}>
          <Select
            options={[{ value: ALL, label: zh.forecast.editor.allScenarios }, ...setup.scenarios.map((s) => ({ value: s.name, label: s.name }))]}
          />
        </Form.Item>
      </Form>
    </SaveModal>
  );
}
