// 规划设置: the plan's name, years and scenario, and every threshold the evaluation uses
// (national defaults, adjustable): warning levels, class sizes, school-size limits, the
// 优质均衡 rules, the cost per m² builds are priced at, and the 服务半径/出行时间 of the 布局图.
import { useEffect } from 'react';
import { Button, Divider, Drawer, Form, Input, InputNumber, Popconfirm, Radio, Select, Switch, Typography } from 'antd';
import { KIND_LABEL, SCHOOL_KINDS, STAGE_LABEL, type Stage } from '@shared/domain';
import { STANDARDS } from '@shared/standards';
import { investmentBasis, planHeader, siteAreaBasis, type PlanDetail, type PlanHeader, type PlanSettings } from '@shared/plan';
import { useApi } from '../../api/useApi';
import { zh } from '../../i18n/zh';
import { inclusionSettings } from '../../i18n/zh-inclusion';
import type { PlanState } from './usePlan';
import { TeacherSettingsFields } from './TeacherSettingsFields';
import { GeoSettingsFields } from './GeoSettingsFields';
import { mergeGeoSettings } from '@shared/geo/settings-groups';

const t = zh.plan.settingsDrawer;
const CLASS_STAGES: Stage[] = ['preschool', 'primary', 'junior', 'senior'];

type Basics = Omit<PlanHeader, 'id'>;

/** Levels as percentages in the form, ratios in the plan. */
type NormsForm = Omit<PlanSettings, 'levels'> & { levels: { red: number; orange: number; blue: number } };

const toForm = (s: PlanSettings): NormsForm => ({ ...s, levels: { red: s.levels.red * 100, orange: s.levels.orange * 100, blue: s.levels.blue * 100 } });
const fromForm = (f: NormsForm, base: PlanSettings): PlanSettings => ({
  ...base,
  ...f,
  levels: { red: f.levels.red / 100, orange: f.levels.orange / 100, blue: f.levels.blue / 100 },
  classSize: { ...base.classSize, ...f.classSize },
  schoolSize: { ...base.schoolSize, ...f.schoolSize },
  balance: { ...base.balance, ...f.balance, cvLimit: { ...base.balance.cvLimit, ...f.balance.cvLimit } },
  teachers: { ...base.teachers, ...f.teachers },
  equipmentPerStudent: { ...base.equipmentPerStudent, ...f.equipmentPerStudent },
  landPerMu: f.landPerMu ?? null,
  siteAreaPerStudent: {
    urban: { ...base.siteAreaPerStudent.urban, ...f.siteAreaPerStudent?.urban },
    rural: { ...base.siteAreaPerStudent.rural, ...f.siteAreaPerStudent?.rural },
  },
  inclusion: { ...base.inclusion, ...f.inclusion, registeredDisabledChildren: f.inclusion?.registeredDisabledChildren ?? null },
  geo: mergeGeoSettings(base.geo, f.geo),
});

interface Props {
  open: boolean;
  plan: PlanDetail;
  edit: PlanState['edit'];
  remove: PlanState['remove'];
  saving: boolean;
  onClose: () => void;
}

export function SettingsDrawer({ open, plan, edit, remove, saving, onClose }: Props) {
  const [basics] = Form.useForm<Basics>();
  const [norms] = Form.useForm<NormsForm>();
  const setup = useApi('projection.setup', {}, [open]);
  const scenarios = setup.data?.scenarios.map((s) => s.name) ?? ['低', '中', '高'];

  useEffect(() => {
    if (!open) return;
    const { id: _id, ...header } = planHeader(plan);
    basics.setFieldsValue(header);
    norms.setFieldsValue(toForm(plan.settings));
  }, [open, plan, basics, norms]);

  const num = (name: (string | number)[], label: string, min: number, max: number, step = 1) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={min} max={max} step={step} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Drawer open={open} onClose={onClose} title={t.title} size={560} destroyOnHidden data-testid="plan-settings">
      <Typography.Title level={5}>{t.basics}</Typography.Title>
      <Form form={basics} layout="vertical" requiredMark={false} onFinish={(v) => void edit('plan.update', v)}>
        <div className="editor-grid">
          <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="scenario" label={t.scenario}>
            <Select options={scenarios.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </div>
        <div className="editor-grid-3">
          {num(['baseYear'], t.baseYear, 1990, 2100)}
          {num(['targetYear'], t.targetYear, 1990, 2100)}
          {num(['outlookYear'], t.outlookYear, 1990, 2100)}
        </div>
        <Button htmlType="submit" loading={saving}>
          {t.saveBasics}
        </Button>
      </Form>

      <Divider />
      <Typography.Title level={5}>{t.norms}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.normsHint}</Typography.Paragraph>
      <Form form={norms} layout="vertical" requiredMark={false} onFinish={(v) => void edit('plan.update', { settings: fromForm(v, plan.settings) })}>
        <Typography.Text strong>{t.levels}</Typography.Text>
        <div className="editor-grid-3">
          {num(['levels', 'red'], `${t.red}（%）`, 1, 500)}
          {num(['levels', 'orange'], `${t.orange}（%）`, 1, 500)}
          {num(['levels', 'blue'], `${t.blue}（%）`, 0, 500)}
        </div>
        <Typography.Text strong>{t.classSize}</Typography.Text>
        <div className="editor-grid" style={{ gridTemplateColumns: 'repeat(4, 1fr)' }}>
          {CLASS_STAGES.map((s) => (
            <div key={s}>{num(['classSize', s], STAGE_LABEL[s], 5, 80)}</div>
          ))}
        </div>
        <div className="editor-grid-3">
          {num(['largeClass'], t.largeClass, 20, 120)}
          {num(['oversizedClass'], t.oversizedClass, 20, 150)}
          {num(['classSpread'], t.classSpread, 0, 30)}
        </div>
        <Typography.Text strong>{t.schoolSize}</Typography.Text>
        <div className="editor-grid-3">
          {num(['schoolSize', 'primary'], STAGE_LABEL.primary, 50, 20000)}
          {num(['schoolSize', 'junior'], STAGE_LABEL.junior, 50, 20000)}
          {num(['schoolSize', 'combined'], t.sizeCombined, 50, 20000)}
          {num(['schoolSize', 'senior'], STAGE_LABEL.senior, 50, 20000)}
          {num(['schoolSize', 'kindergarten'], t.sizeKindergarten, 20, 5000)}
        </div>
        <Typography.Text strong>{t.balance}</Typography.Text>
        <div className="editor-grid">
          {num(['balance', 'minPass'], t.minPass, 1, 7)}
          {num(['balance', 'remainderShare'], t.remainderShare, 0, 1, 0.05)}
          {num(['balance', 'minStudents'], t.minStudents, 0, 500)}
          {num(['balance', 'cvLimit', 'primary'], t.cvPrimary, 0, 5, 0.05)}
          {num(['balance', 'cvLimit', 'junior'], t.cvJunior, 0, 5, 0.05)}
        </div>
        <Form.Item name={['balance', 'combinedSplit']} label={t.combinedSplit}>
          <Radio.Group options={[{ value: 'students', label: t.splitStudents }, { value: 'whole', label: t.splitWhole }]} />
        </Form.Item>
        <Form.Item name={['balance', 'staffFollowsStudents']} label={t.staffFollows} valuePropName="checked">
          <Switch />
        </Form.Item>
        <TeacherSettingsFields num={num} />
        <Typography.Text strong>{t.build}</Typography.Text>
        <div className="editor-grid-3">
          {num(['costPerM2'], t.costPerM2, 100, 50000, 100)}
          {num(['constructionYears'], t.constructionYears, 0, 10)}
          <Form.Item name="floorAreaBasis" label={t.floorBasis}>
            <Select options={[{ value: 'planning', label: t.basisPlanning }, { value: 'basic', label: t.basisBasic }]} />
          </Form.Item>
          {CLASS_STAGES.map((s) => (
            <div key={s}>{num(['equipmentPerStudent', s], t.equipment(STAGE_LABEL[s]), 0, 100_000, 100)}</div>
          ))}
          {num(['siteWorksPerM2'], t.siteWorksPerM2, 0, 10_000, 10)}
          <Form.Item name="landPerMu" label={t.landPerMu}>
            <InputNumber min={0} max={100_000} style={{ width: '100%' }} placeholder={t.landUnknown} />
          </Form.Item>
          {num(['boardingAreaPerPlace', 'dormitory'], t.boardingDormitory, 0, 50, 0.5)}
          {num(['boardingAreaPerPlace', 'canteen'], t.boardingCanteen, 0, 50, 0.5)}
        </div>
        <Typography.Text strong>{t.siteArea}</Typography.Text>
        <div className="editor-grid" data-testid="site-area-norms">
          {SCHOOL_KINDS.flatMap((k) => [
            <div key={`${k}-u`}>{num(['siteAreaPerStudent', 'urban', k], t.siteAreaOf(KIND_LABEL[k], t.urban), 0, 1000, 0.5)}</div>,
            <div key={`${k}-r`}>{num(['siteAreaPerStudent', 'rural', k], t.siteAreaOf(KIND_LABEL[k], t.rural), 0, 1000, 0.5)}</div>,
          ])}
        </div>
        <GeoSettingsFields />
        <Typography.Text strong>{inclusionSettings.title}</Typography.Text>
        <div className="editor-grid-3">
          <Form.Item name={['inclusion', 'registeredDisabledChildren']} label={inclusionSettings.registered} tooltip={inclusionSettings.registeredHint}>
            <InputNumber min={0} max={1_000_000} style={{ width: '100%' }} placeholder={inclusionSettings.unknown} data-testid="setting-registered-disabled" />
          </Form.Item>
          {num(['inclusion', 'resourceRoomMinPupils'], inclusionSettings.minPupils, 1, 100)}
        </div>
        <Typography.Paragraph type="secondary" className="settings-note" data-testid="norm-sources">
          {t.floorSources}
          {[STANDARDS.floorAreaPerStudent.source, STANDARDS.ruralFloorArea.source, STANDARDS.floorAreaPerStudentReference.source, STANDARDS.boardingAreaPerPlace.source].join('；')}。
          {STANDARDS.resourceRoomMinPupils.source}。
          {investmentBasis(plan.settings)}
          {siteAreaBasis(plan.settings)}
        </Typography.Paragraph>
        <Button htmlType="submit" type="primary" loading={saving} data-testid="save-norms">
          {t.saveNorms}
        </Button>
      </Form>

      <Divider />
      <Popconfirm
        title={t.deleteConfirm(plan.name)}
        okText={zh.common.confirm}
        cancelText={zh.common.cancel}
        onConfirm={async () => {
          if (await remove()) onClose();
        }}
      >
        <Button danger>{t.deletePlan}</Button>
      </Popconfirm>
    </Drawer>
  );
}
