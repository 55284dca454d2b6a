// The scenario editor: every parameter of the selected scenario, each next to the value the
// county's own history suggests. A change recomputes at once (unsaved, marked as such);
// 保存情景 writes it to the project file.
import { memo, useState, type ReactNode } from 'react';
import { Button, Collapse, Divider, Flex, Input, InputNumber, Popconfirm, Radio, Select, Slider, Space, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { KIND_LABEL, STAGE_LABEL } from '@shared/domain';
import type { CalibrationSummary, Development, MethodSettings, ProjectionSetup, ScenarioParams } from '@shared/projection';
import { invoke } from '../../api/client';
import { zh } from '../../i18n/zh';
import { fmtInt, fmtRatio } from '../../lib/format';
import { useAttempt } from '../../state/useReportError';
import { useDraftValue } from '../../lib/useDraftValue';
import { DevelopmentModal } from './DevelopmentModal';
import { SaveModal } from '../SaveModal';
import { useToast } from '../../state/useToast';

const t = zh.forecast.editor;

type RateKey = 'preschoolRate' | 'seniorTransition' | 'generalShare';

function Field({ label, hint, children }: { label: ReactNode; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="editor-field">
      <div className="editor-label">{label}</div>
      {children}
      {hint ? <div className="editor-hint">{hint}</div> : null}
    </div>
  );
}

interface SliderFieldProps {
  label: (value: number) => ReactNode;
  hint?: ReactNode;
  testId?: string;
  min: number;
  max: number;
  step: number;
  marks: Record<number, string>;
  value: number;
  onChange: (value: number) => void;
}

/** A parameter's slider, which keeps the value being moved to itself until it is let go. */
function SliderField({ label, hint, testId, value, onChange, ...range }: SliderFieldProps) {
  const draft = useDraftValue(value, onChange);
  const slider = <Slider {...range} {...draft} />;
  return (
    <Field label={label(draft.value)} hint={hint}>
      {testId ? <div data-testid={testId}>{slider}</div> : slider}
    </Field>
  );
}

function pp(x: number): string {
  return `${x > 0 ? '+' : ''}${x.toFixed(1)}`;
}

interface RateProps {
  label: string;
  value: ScenarioParams[RateKey];
  current: { level: number; slopePp: number } | null;
  onChange: (v: ScenarioParams[RateKey]) => void;
  baseYear: number;
}

function RateTarget({ label, value, current, onChange, baseYear }: RateProps) {
  const follow = value.target === null;
  return (
    <Field label={label} hint={current ? t.current(fmtRatio(current.level), pp(current.slopePp)) : undefined}>
      <Flex gap={8} align="center" wrap>
        <Switch
          size="small"
          checked={follow}
          checkedChildren={t.followTrend}
          unCheckedChildren={t.target}
          onChange={(on) => onChange({ ...value, target: on ? null : Math.round((current?.level ?? 0.9) * 1000) / 1000 })}
        />
        {!follow ? (
          <>
            <InputNumber
              size="small"
              min={0}
              max={120}
              step={1}
              value={Math.round((value.target ?? 0) * 1000) / 10}
              onChange={(v) => onChange({ ...value, target: v === null ? null : v / 100 })}
              suffix="%"
              style={{ width: 92 }}
            />
            <InputNumber
              size="small"
              min={baseYear + 1}
              max={2100}
              value={Math.max(value.year, baseYear + 1)}
              onChange={(v) => onChange({ ...value, year: v ?? value.year })}
              style={{ width: 78 }}
            />
            <span className="editor-unit">{t.targetYear}</span>
          </>
        ) : null}
      </Flex>
    </Field>
  );
}

interface Props {
  setup: ProjectionSetup;
  scenario: string;
  params: ScenarioParams;
  modified: boolean;
  calibration: CalibrationSummary | undefined;
  baseYear: number;
  onChange: (params: ScenarioParams) => void;
  onDiscard: () => void;
  /** After a save, delete or settings change: reload the setup, select `select` if given. */
  onStored: (select?: string) => void;
}

// Memo: the projection's answers (a new result, the same calibration) do not change the editor.
export const ScenarioEditor = memo(function ScenarioEditor({ setup, scenario, params, modified, calibration, baseYear, onChange, onDiscard, onStored }: Props) {
  const message = useToast();
  const attempt = useAttempt();
  const [saving, setSaving] = useState(false);
  const [saveAsOpen, setSaveAsOpen] = useState(false);
  const [newName, setNewName] = useState('');
  const [method, setMethod] = useState<MethodSettings>(setup.settings);
  const [devEdit, setDevEdit] = useState<Development | 'new' | null>(null);
  const set = <K extends keyof ScenarioParams>(key: K, value: ScenarioParams[K]) => onChange({ ...params, [key]: value });
  const births = params.births;
  const trendPct = calibration?.birthsTrendPct ?? 0;

  const save = (name: string, previousName?: string) =>
    attempt(async () => {
      await invoke('projection.saveScenario', { name, params, ...(previousName !== undefined ? { previousName } : {}) });
      void message.success(t.saved(name));
      onStored(name);
    }, setSaving);

  const urbanItems = (calibration?.urbanisation ?? [])
    .filter((u) => u.ppPerYear !== null)
    .map((u) => t.urbanisationItem(STAGE_LABEL[u.stage], (u.ppPerYear ?? 0).toFixed(1)))
    .join('，');
  const mig = calibration?.migration;
  const townshipName = new Map(setup.townships.map((x) => [x.code, x.name]));
  const mine = setup.developments.filter((d) => d.scenario === null || d.scenario === scenario);

  return (
    <div className="scenario-editor" data-testid="scenario-editor">
      <Flex align="center" justify="space-between" className="editor-head">
        <Typography.Text strong>{t.title(scenario)}</Typography.Text>
        {modified ? <Tag color="orange">{t.modified}</Tag> : null}
      </Flex>

      <Divider titlePlacement="start" plain className="editor-divider">
        {t.births}
      </Divider>
      <Field label={t.birthsMode}>
        <Radio.Group
          size="small"
          value={births.changePct === null ? 'trend' : 'custom'}
          onChange={(e) => set('births', { ...births, changePct: e.target.value === 'trend' ? null : trendPct })}
        >
          <Radio value="trend">{t.birthsTrend(`${trendPct > 0 ? '+' : ''}${trendPct}%`)}</Radio>
          <Radio value="custom">{t.birthsCustom}</Radio>
        </Radio.Group>
        {births.changePct !== null ? (
          <InputNumber
            size="small"
            min={-30}
            max={30}
            step={0.5}
            value={births.changePct}
            onChange={(v) => set('births', { ...births, changePct: v ?? 0 })}
            suffix="%"
            style={{ width: 100, marginTop: 6 }}
            data-testid="editor-births-change"
          />
        ) : null}
      </Field>
      <SliderField
        label={() => t.birthsShift}
        hint={t.birthsShiftHint}
        testId="editor-births-shift"
        min={-10}
        max={10}
        step={0.5}
        marks={{ [-10]: '-10', 0: '0', 10: '+10' }}
        value={births.shiftPct}
        onChange={(v) => set('births', { ...births, shiftPct: v })}
      />

      <Divider titlePlacement="start" plain className="editor-divider">
        {t.migration}
      </Divider>
      <SliderField
        label={(v) => `${t.migrationScale} ${t.times(v.toFixed(1))}`}
        hint={mig?.calibrated ? t.migrationHint(`${mig.ruralPct ?? 0}%`, `${mig.townPct ?? 0}%`) : t.migrationNone}
        min={0}
        max={2}
        step={0.1}
        marks={{ 0: '0', 1: '1', 2: '2' }}
        value={params.migrationScale}
        onChange={(v) => set('migrationScale', v)}
      />
      {mig && !mig.calibrated ? (
        <Field label={t.migrationPct}>
          <InputNumber size="small" min={-20} max={20} step={0.5} value={params.migrationPct} onChange={(v) => set('migrationPct', v ?? 0)} suffix="%" />
        </Field>
      ) : null}

      <Divider titlePlacement="start" plain className="editor-divider">
        {t.urbanisation}
      </Divider>
      <SliderField
        label={(v) => `${t.urbanisationScale} ${t.times(v.toFixed(1))}`}
        hint={urbanItems ? t.urbanisationHint(urbanItems) : t.urbanisationNone}
        testId="editor-urbanisation"
        min={0}
        max={3}
        step={0.1}
        marks={{ 0: '0', 1: '1', 2: '2', 3: '3' }}
        value={params.urbanisationScale}
        onChange={(v) => set('urbanisationScale', v)}
      />

      <Divider titlePlacement="start" plain className="editor-divider">
        {t.rates}
      </Divider>
      <RateTarget label={t.preschoolRate} value={params.preschoolRate} current={calibration?.preschoolRate ?? null} onChange={(v) => set('preschoolRate', v)} baseYear={baseYear} />
      <RateTarget label={t.seniorTransition} value={params.seniorTransition} current={calibration?.seniorTransition ?? null} onChange={(v) => set('seniorTransition', v)} baseYear={baseYear} />
      <RateTarget label={t.generalShare} value={params.generalShare} current={calibration?.generalShare ?? null} onChange={(v) => set('generalShare', v)} baseYear={baseYear} />

      <Divider titlePlacement="start" plain className="editor-divider">
        {t.developments}
      </Divider>
      {mine.length === 0 ? <Typography.Text type="secondary">{t.noDevelopments}</Typography.Text> : null}
      <ul className="dev-list">
        {mine.map((d) => (
          <li key={d.id}>
            <Button type="link" size="small" className="dev-name" onClick={() => setDevEdit(d)}>
              {d.name}
            </Button>
            <span className="editor-hint">
              {zh.forecast.development.summary(
                townshipName.get(d.township) ?? d.township,
                d.residents ? zh.forecast.development.residentsValue(fmtInt(d.residents)) : zh.forecast.development.dwellingsValue(fmtInt(d.dwellings ?? 0)),
                d.completionYear,
              )}
              {d.scenario ? ` · ${d.scenario}` : ''}
              {d.reserveKind ? ` · ${zh.forecast.development.reserved(KIND_LABEL[d.reserveKind])}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <Button size="small" icon={<PlusOutlined />} onClick={() => setDevEdit('new')} data-testid="editor-add-development">
        {t.addDevelopment}
      </Button>
      <Field label={t.perThousand}>
        <div className="per-thousand">
          {(['preschool', 'primary', 'junior', 'senior'] as const).map((s) => (
            <label key={s}>
              <span>{STAGE_LABEL[s]}</span>
              <InputNumber
                size="small"
                min={0}
                max={500}
                value={params.perThousand[s]}
                onChange={(v) => set('perThousand', { ...params.perThousand, [s]: v ?? 0 })}
                style={{ width: 70 }}
              />
            </label>
          ))}
        </div>
      </Field>
      <Flex gap={16}>
        <Field label={t.residentsPerDwelling}>
          <InputNumber size="small" min={0.5} max={10} step={0.1} value={params.residentsPerDwelling} onChange={(v) => set('residentsPerDwelling', v ?? 3.2)} style={{ width: 80 }} />
        </Field>
        <Field label={t.rampYears}>
          <InputNumber size="small" min={1} max={10} value={params.rampYears} onChange={(v) => set('rampYears', v ?? 3)} style={{ width: 70 }} />
        </Field>
      </Flex>

      <Flex gap={8} wrap className="editor-actions">
        <Button type="primary" loading={saving} disabled={!modified} onClick={() => void save(scenario, scenario)} data-testid="editor-save">
          {t.save}
        </Button>
        <Button disabled={!modified} onClick={onDiscard}>
          {t.discard}
        </Button>
        <Button onClick={() => setSaveAsOpen(true)}>{t.saveAs}</Button>
        <Popconfirm
          title={t.removeConfirm(scenario)}
          okText={zh.common.confirm}
          cancelText={zh.common.cancel}
          disabled={setup.scenarios.length <= 1}
          onConfirm={() =>
            attempt(async () => {
              await invoke('projection.deleteScenario', { name: scenario });
              onStored(setup.scenarios.find((s) => s.name !== scenario)?.name);
            })
          }
        >
          <Button danger type="text" icon={<DeleteOutlined />} disabled={setup.scenarios.length <= 1}>
            {t.remove}
          </Button>
        </Popconfirm>
      </Flex>

      <Collapse
        size="small"
        className="method-collapse"
        items={[
          {
            key: 'method',
            label: t.method,
            children: (
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                <Field label={t.progressionYears}>
                  <InputNumber size="small" min={1} max={10} value={method.progressionYears} onChange={(v) => setMethod({ ...method, progressionYears: v ?? 3 })} />
                </Field>
                <Field label={t.weighting}>
                  <Radio.Group size="small" value={method.weighting} onChange={(e) => setMethod({ ...method, weighting: e.target.value as MethodSettings['weighting'] })}>
                    <Radio value="recent">{t.weightingRecent}</Radio>
                    <Radio value="equal">{t.weightingEqual}</Radio>
                  </Radio.Group>
                </Field>
                <Field label={t.trendYears}>
                  <InputNumber size="small" min={2} max={10} value={method.trendYears} onChange={(v) => setMethod({ ...method, trendYears: v ?? 5 })} />
                </Field>
                <Field label={`${t.damping} ${fmtRatio(method.damping)}`}>
                  <Slider min={0} max={1} step={0.05} value={method.damping} onChange={(v) => setMethod({ ...method, damping: v })} />
                </Field>
                <Field label={t.schoolTrust}>
                  <Select
                    size="small"
                    value={method.schoolTrust}
                    onChange={(v: MethodSettings['schoolTrust']) => setMethod({ ...method, schoolTrust: v })}
                    options={[
                      { value: 'auto', label: t.trustAuto },
                      { value: 'model', label: t.trustModel },
                    ]}
                    style={{ width: 180 }}
                  />
                </Field>
                <Button
                  size="small"
                  onClick={() =>
                    attempt(async () => {
                      setMethod(await invoke('projection.saveSettings', { settings: method }));
                      void message.success(t.methodSaved);
                      onStored();
                    })
                  }
                >
                  {t.saveMethod}
                </Button>
              </Space>
            ),
          },
        ]}
      />

      <SaveModal
        open={saveAsOpen}
        title={t.saveAs}
        okButtonProps={{ disabled: !newName.trim(), loading: saving }}
        onCancel={() => setSaveAsOpen(false)}
        onOk={async () => {
          if (await save(newName.trim())) {
            setSaveAsOpen(false);
            setNewName('');
          }
        }}
      >
        <Typography.Text>{t.newName}</Typography.Text>
        <Input value={newName} maxLength={20} placeholder={t.newNamePlaceholder} onChange={(e) => setNewName(e.target.value)} style={{ marginTop: 6 }} />
      </SaveModal>
      <DevelopmentModal
        open={devEdit !== null}
        development={devEdit === 'new' ? null : devEdit}
        setup={setup}
        baseYear={baseYear}
        params={params}
        onClose={() => setDevEdit(null)}
        onSaved={() => {
          setDevEdit(null);
          onStored();
        }}
      />
    </div>
  );
});
