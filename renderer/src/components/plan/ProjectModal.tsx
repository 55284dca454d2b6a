// Adds or edits one project. The form follows the type: a new school needs a kind, a
// township and its size; an extension a school and the classes added; a closure the
// receiving schools and their shares. Floor area, site area and cost can be filled from
// the 建标 norms and the cost per m² of the plan's settings.
import { useEffect, useMemo } from 'react';
import { AutoComplete, Button, Form, Input, InputNumber, Modal, Segmented, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { KIND_LABEL, KIND_STAGES, OWNERSHIPS, STAGE_LABEL, type Ownership, type SchoolKind, type Stage } from '@shared/domain';
import {
  BUILDABLE_KINDS,
  estimateFacilities,
  floorAreaPerStudent,
  FUNDING_SOURCES,
  newSchoolRef,
  PROJECT_STATUSES,
  PROJECT_TYPES,
  seatsFor,
  standardClassCounts,
  type EvaluationContext,
  type PlanDetail,
  type PlanProject,
  type ProjectInput,
  type ProjectStatus,
  type ProjectType,
} from '@shared/plan';
import { zh } from '../../i18n/zh';
import { fmtInt } from '../../lib/format';

const t = zh.plan.editor;

interface Values {
  type: ProjectType;
  name: string;
  school: string | null;
  kind: SchoolKind | null;
  ownership: Ownership;
  township: string | null;
  stage: Stage | null;
  classes: number;
  seats: number;
  floorArea: number | null;
  siteArea: number | null;
  investment: number | null;
  startYear: number | null;
  completionYear: number;
  funding: string;
  status: ProjectStatus;
  note: string;
  /** Shares in %. */
  receivers: { school: string; share: number }[];
}

interface Props {
  open: boolean;
  project: PlanProject | null;
  plan: PlanDetail;
  context: EvaluationContext;
  onClose: () => void;
  onSave: (project: ProjectInput, id: number | null) => Promise<boolean>;
}

export function ProjectModal({ open, project, plan, context, onClose, onSave }: Props) {
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? '新建';
  const schoolRef = Form.useWatch('school', form);
  const kind = Form.useWatch('kind', form);
  const township = Form.useWatch('township', form);
  const classes = Form.useWatch('classes', form) ?? 0;
  const receivers = Form.useWatch('receivers', form) ?? [];
  const settings = plan.settings;
  const system = context.county.schoolSystem;

  /** Existing schools open today, and the schools the plan's 新建 projects create. */
  const schoolOptions = useMemo(() => {
    const existing = context.schools
      .filter((s) => s.status === '在办')
      .map((s) => ({ value: s.code, label: `${s.name}（${KIND_LABEL[s.kind]}）`, kind: s.kind, township: s.township }));
    const planned = plan.projects
      .filter((p) => p.type === '新建' && p.kind && p.id !== project?.id)
      .map((p) => ({ value: newSchoolRef(p.id), label: `${p.name}${t.newSchoolTag}`, kind: p.kind as SchoolKind, township: p.township ?? '' }));
    return [...existing, ...planned];
  }, [context.schools, plan.projects, project?.id]);
  const chosen = schoolOptions.find((o) => o.value === schoolRef);
  const townshipOptions = context.townships.map((x) => ({ value: x.code, label: x.name }));
  const urban = context.townships.find((x) => x.code === (township ?? chosen?.township))?.urbanRural === '城区';
  const buildKind: SchoolKind | null = type === '新建' || type === '转型' ? kind : (chosen?.kind ?? null);
  const standards = buildKind ? standardClassCounts(buildKind, urban) : [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      project
        ? { ...project, receivers: project.receivers.map((r) => ({ school: r.school, share: Math.round(r.share * 1000) / 10 })) }
        : {
            type: '新建', name: '', school: null, kind: 'primary', ownership: '公办', township: context.townships[0]?.code ?? null, stage: null,
            classes: 24, seats: seatsFor('primary', 24, system, settings.classSize), floorArea: null, siteArea: null, investment: null,
            startYear: null, completionYear: plan.baseYear + 3, funding: '', status: '拟建', note: '', receivers: [],
          },
    );
  }, [open, project, form, context.townships, plan.baseYear, settings.classSize, system]);

  /** Seats follow the classes at the standard class size until the planner types seats. */
  const standardSeats = (k: SchoolKind | null, n: number, stage: Stage | null): number => {
    if (type === '改扩建') return n * settings.classSize[stage ?? (chosen ? (KIND_STAGES[chosen.kind][0] as Stage) : 'primary')];
    return k ? seatsFor(k, n, system, settings.classSize) : 0;
  };

  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if ('classes' in changed || 'kind' in changed || 'stage' in changed || 'type' in changed || 'school' in changed) {
      const k = all.type === '新建' || all.type === '转型' ? all.kind : (schoolOptions.find((o) => o.value === all.school)?.kind ?? null);
      form.setFieldValue('seats', standardSeats(k, all.classes ?? 0, all.stage));
    }
  };

  const estimate = () => {
    const v = form.getFieldsValue();
    const rooms = type === '改扩建' ? (context.schools.find((s) => s.code === v.school)?.designClasses ?? 0) + (v.classes ?? 0) : (v.classes ?? 0);
    if (!buildKind) return;
    const est = estimateFacilities(buildKind, rooms, v.seats ?? 0, settings);
    if (!est) return;
    form.setFieldsValue({ floorArea: est.floorArea, siteArea: type === '改扩建' ? v.siteArea : est.siteArea, investment: est.investment });
  };
  const perStudent = buildKind ? floorAreaPerStudent(buildKind, classes, settings.floorAreaBasis) : null;

  const needsReceivers = type === '撤并' || type === '转型';
  const shareTotal = receivers.reduce((s, r) => s + (r?.share ?? 0), 0);

  const submit = async () => {
    const v = await form.validateFields();
    const input: ProjectInput = {
      type: v.type,
      name: v.name,
      school: v.type === '新建' ? null : v.school,
      kind: v.type === '新建' || v.type === '转型' ? v.kind : null,
      ownership: v.ownership,
      township: v.type === '新建' || v.type === '迁建' ? v.township : null,
      stage: v.type === '改扩建' ? v.stage : null,
      classes: v.type === '撤并' ? 0 : (v.classes ?? 0),
      seats: v.type === '撤并' ? 0 : (v.seats ?? 0),
      floorArea: v.type === '撤并' ? null : (v.floorArea ?? null),
      siteArea: v.type === '撤并' ? null : (v.siteArea ?? null),
      investment: v.type === '撤并' ? null : (v.investment ?? null),
      startYear: v.startYear ?? null,
      completionYear: v.completionYear,
      funding: v.funding ?? '',
      status: v.status,
      note: v.note ?? '',
      receivers: needsReceivers ? (v.receivers ?? []).filter((r) => r?.school).map((r) => ({ school: r.school, share: r.share / 100 })) : [],
    };
    if (await onSave(input, project?.id ?? null)) onClose();
  };

  return (
    <Modal
      open={open}
      title={project ? t.editTitle : t.addTitle}
      okText={zh.common.save}
      cancelText={zh.common.cancel}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      okButtonProps={{ 'data-testid': 'project-save' }}
    >
      <Form form={form} layout="vertical" requiredMark={false} onValuesChange={onValuesChange} data-testid="project-form">
        <Form.Item name="type" label={t.type}>
          <Segmented options={PROJECT_TYPES.map((x) => ({ value: x, label: x }))} data-testid="project-type" />
        </Form.Item>
        <Form.Item name="name" label={t.name} rules={[{ required: true, whitespace: true, message: t.name }]}>
          <Input maxLength={60} placeholder={t.namePlaceholder} data-testid="project-name" />
        </Form.Item>

        {type === '新建' ? (
          <div className="editor-grid-3">
            <Form.Item name="kind" label={t.kind} rules={[{ required: true }]}>
              <Select options={BUILDABLE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))} data-testid="project-kind" />
            </Form.Item>
            <Form.Item name="ownership" label={t.ownership}>
              <Select options={OWNERSHIPS.map((o) => ({ value: o, label: o }))} />
            </Form.Item>
            <Form.Item name="township" label={t.township} rules={[{ required: true, message: t.township }]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={townshipOptions} data-testid="project-township" />
            </Form.Item>
          </div>
        ) : (
          <Form.Item name="school" label={t.school} rules={[{ required: true, message: t.schoolPlaceholder }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t.schoolPlaceholder} options={schoolOptions} data-testid="project-school" />
          </Form.Item>
        )}

        {type === '改扩建' && chosen ? (
          <Form.Item name="stage" label={t.stage}>
            <Select allowClear options={KIND_STAGES[chosen.kind].map((s) => ({ value: s, label: STAGE_LABEL[s] }))} />
          </Form.Item>
        ) : null}
        {type === '迁建' ? (
          <Form.Item name="township" label={t.newTownship} rules={[{ required: true, message: t.newTownship }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={townshipOptions} />
          </Form.Item>
        ) : null}
        {type === '转型' ? (
          <Form.Item name="kind" label={t.newKind} rules={[{ required: true }]}>
            <Select options={BUILDABLE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))} />
          </Form.Item>
        ) : null}

        {type !== '撤并' ? (
          <>
            <div className="editor-grid">
              <Form.Item
                name="classes"
                label={type === '改扩建' ? t.addedClasses : t.classes}
                extra={standards.length && type !== '改扩建' ? t.standardSizes(standards.join('/')) : undefined}
              >
                <InputNumber min={0} max={300} style={{ width: '100%' }} data-testid="project-classes" />
              </Form.Item>
              <Form.Item name="seats" label={type === '改扩建' ? t.addedSeats : t.seats} rules={[{ required: true, type: 'number', min: type === '改扩建' ? 0 : 1, message: t.seats }]}>
                <InputNumber min={0} max={30000} style={{ width: '100%' }} data-testid="project-seats" />
              </Form.Item>
            </div>
            <div className="editor-grid-3">
              <Form.Item name="floorArea" label={t.floorArea}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="siteArea" label={t.siteArea}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="investment" label={t.investment}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
              </Form.Item>
            </div>
            <div className="norm-note">
              {perStudent !== null ? (
                <Space size={8}>
                  <span>
                    {t.estimateNote(String(perStudent), settings.floorAreaBasis === 'planning' ? '102-2002 规划指标' : '102-2002 基本指标', fmtInt(settings.costPerM2))}
                  </span>
                  <Button size="small" onClick={estimate} data-testid="project-estimate">
                    {t.estimate}
                  </Button>
                </Space>
              ) : (
                <span>{t.noNorm}</span>
              )}
            </div>
          </>
        ) : null}

        {needsReceivers ? (
          <Form.Item label={t.receivers} extra={t.receiversHint} required>
            <Form.List name="receivers">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <div className="receiver-row" key={field.key}>
                      <Form.Item name={[field.name, 'school']} noStyle rules={[{ required: true, message: t.school }]}>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t.schoolPlaceholder}
                          options={schoolOptions.filter((o) => o.value !== schoolRef)}
                          data-testid="receiver-school"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'share']} noStyle rules={[{ required: true }]}>
                        <InputNumber min={1} max={100} addonAfter="%" style={{ width: 130 }} data-testid="receiver-share" />
                      </Form.Item>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
                    </div>
                  ))}
                  <Space>
                    <Button icon={<PlusOutlined />} onClick={() => add({ school: undefined, share: Math.max(0, 100 - shareTotal) })} data-testid="add-receiver">
                      {t.addReceiver}
                    </Button>
                    <Typography.Text type={Math.abs(shareTotal - 100) < 0.5 || fields.length === 0 ? 'secondary' : 'danger'}>
                      {t.sharesTotal(String(Math.round(shareTotal * 10) / 10))}
                    </Typography.Text>
                  </Space>
                </>
              )}
            </Form.List>
          </Form.Item>
        ) : null}

        <div className="editor-grid-3">
          <Form.Item name="startYear" label={t.startYear}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="completionYear" label={t.completionYear} extra={needsReceivers ? t.completionHint : undefined} rules={[{ required: true }]}>
            <InputNumber min={1990} max={2100} style={{ width: '100%' }} data-testid="project-completion" />
          </Form.Item>
          <Form.Item name="status" label={t.status}>
            <Select options={PROJECT_STATUSES.map((s) => ({ value: s, label: s }))} />
          </Form.Item>
        </div>
        <div className="editor-grid">
          <Form.Item name="funding" label={t.funding}>
            <AutoComplete options={FUNDING_SOURCES.map((f) => ({ value: f }))} maxLength={40} />
          </Form.Item>
          <Form.Item name="note" label={t.note}>
            <Input maxLength={300} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
