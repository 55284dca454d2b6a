// Adds or edits a new housing development (配套学位): where, how big, when completed, whether
// it belongs to every scenario or one, and the 配套学校 site it reserves, with the school's size
// and site from the 千人指标 of the scenario being edited and the national norms.
import { useEffect } from 'react';
import { Button, Form, Input, InputNumber, Select, Typography } from 'antd';
import { KIND_LABEL, STAGE_LABEL, urbanTownshipCodes, type Stage } from '@shared/domain';
import { NATIONAL_SETTINGS, schoolReservations } from '@shared/plan';
import { RESERVABLE_KINDS, type Development, type ProjectionSetup, type ReservableKind, type ScenarioParams } from '@shared/projection';
import { fmtInt } from '../../lib/format';
import { invoke } from '../../api/client';
import { zh } from '../../i18n/zh';
import { useAttempt } from '../../state/useReportError';
import { SaveModal } from '../SaveModal';
import { useToast } from '../../state/useToast';

const t = zh.forecast.development;

interface Values {
  name: string;
  township: string;
  dwellings: number | null;
  residents: number | null;
  completionYear: number;
  scenario: string;
  reserveKind: ReservableKind | typeof NONE;
  reserveSetting: '城镇' | '农村' | typeof NONE;
}

interface Props {
  open: boolean;
  development: Development | null;
  setup: ProjectionSetup;
  baseYear: number;
  /** The scenario being edited: its 千人指标 size the reserved school in the preview. */
  params: ScenarioParams;
  onClose: () => void;
  onSaved: () => void;
}

const ALL = '';
const NONE = '';

/** "小学 840 人 → 19 班、855 个学位，用地约 15,390 ㎡" for the values in the form. */
function reservationPreview(v: Partial<Values>, setup: ProjectionSetup, params: ScenarioParams): string | null {
  if (!v.reserveKind || !v.township) return null;
  const dev: Development = {
    id: 1, name: '', township: v.township, dwellings: v.dwellings ?? null, residents: v.residents ?? null, completionYear: v.completionYear ?? 2030, scenario: null,
    reserveKind: v.reserveKind, reserveSetting: v.reserveSetting || null,
  };
  const urbanCodes = urbanTownshipCodes(setup.townships);
  const [r] = schoolReservations([dev], params, { settings: NATIONAL_SETTINGS, projects: [] }, (code) => urbanCodes.has(code));
  if (!r || r.seats === 0) return null;
  const pupils = (Object.entries(r.pupils) as [Stage, number][]).map(([st, n]) => `${STAGE_LABEL[st]} ${fmtInt(n)} 人`).join('、');
  return t.preview(pupils, r.classes, fmtInt(r.seats), r.siteArea === null ? '—' : fmtInt(r.siteArea), r.urban ? t.urban : t.rural);
}

export function DevelopmentModal({ open, development, setup, baseYear, params, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const watched = Form.useWatch([], form) as Partial<Values> | undefined;
  const preview = watched ? reservationPreview(watched, setup, params) : null;
  const message = useToast();
  const attempt = useAttempt();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(
      development
        ? { ...development, scenario: development.scenario ?? ALL, reserveKind: development.reserveKind ?? NONE, reserveSetting: development.reserveSetting ?? NONE }
        : {
            name: '', township: setup.townships[0]?.code ?? '', dwellings: null, residents: null, completionYear: baseYear + 2, scenario: ALL,
            reserveKind: NONE, reserveSetting: NONE,
          },
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
          reserveKind: v.reserveKind || null,
          reserveSetting: v.reserveSetting || null,
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
        <Form.Item name="reserveKind" label={t.reserveKind} tooltip={t.reserveHint}>
          <Select data-testid="development-reserve-kind" options={[{ value: NONE, label: t.reserveNone }, ...RESERVABLE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))]} />
        </Form.Item>
        <Form.Item name="reserveSetting" label={t.reserveSetting} hidden={!watched?.reserveKind}>
          <Select options={[{ value: NONE, label: t.settingByTownship }, { value: '城镇', label: t.urban }, { value: '农村', label: t.rural }]} />
        </Form.Item>
        {preview ? (
          <Typography.Paragraph type="secondary" data-testid="development-reserve-preview">
            {preview}
          </Typography.Paragraph>
        ) : null}
      </Form>
    </SaveModal>
  );
}
