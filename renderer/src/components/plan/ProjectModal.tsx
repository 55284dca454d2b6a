// Adds or edits one project. The form follows the type's entry in the project-type
// registry: a new school needs a kind, a township and its size; an extension a school and
// the classes added; a closure the receiving schools and their shares. Defaults and
// validation are the project schema's own. Floor area, site area and cost can be filled
// from the 建标 norms and the cost per m² of the plan's settings. A 集团化办学 action names its
// group and members (GroupActionFields).
import { useEffect, useMemo, useState } from 'react';
import { AutoComplete, Button, Form, Input, InputNumber, Modal, Segmented, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { GROUP_KINDS, KIND_LABEL, KIND_STAGES, OWNERSHIPS, STAGE_LABEL, type SchoolKind, type Stage } from '@shared/domain';
import {
  BUILDABLE_KINDS,
  defaultProject,
  estimateFacilities,
  floorAreaPerStudent,
  FUNDING_SOURCES,
  newSchoolRef,
  PROJECT_STATUSES,
  PROJECT_TYPE,
  PROJECT_TYPES,
  projectInputSchema,
  seatsFor,
  standardClassCounts,
  usedFields,
  withTypeFields,
  type EvaluationContext,
  type PlanDetail,
  type PlanProject,
  type ProjectFields,
  type ProjectInput,
} from '@shared/plan';
import { zh } from '../../i18n/zh';
import { GroupActionFields } from './GroupActionFields';
import { fmtInt } from '../../lib/format';
import { useApi } from '../../api/useApi';

const t = zh.plan.editor;

/** The project as the form holds it: receivers' shares in %, fields the planner cleared empty. */
type Values = Omit<ProjectFields, 'receivers'> & { receivers: { school: string; share: number }[] };

/** What the form holds, as the schema takes it (empty number fields as the schema's zero). */
function fromForm(v: Values): ProjectFields {
  return withTypeFields({
    ...v,
    name: v.name ?? '',
    classes: v.classes ?? 0,
    seats: v.seats ?? 0,
    floorArea: v.floorArea ?? null,
    siteArea: v.siteArea ?? null,
    investment: v.investment ?? null,
    boardingPlaces: v.boardingPlaces ?? 0,
    development: v.development ?? null,
    startYear: v.startYear ?? null,
    funding: v.funding ?? '',
    note: v.note ?? '',
    receivers: (v.receivers ?? []).filter((r) => r?.school).map((r) => ({ school: r.school, share: (r.share ?? 0) / 100 })),
    schoolGroup: v.schoolGroup?.name ? { name: v.schoolGroup.name, kind: v.schoolGroup.kind ?? GROUP_KINDS[0], members: v.schoolGroup.members ?? [] } : null,
  });
}

interface Props {
  open: boolean;
  project: PlanProject | null;
  plan: PlanDetail;
  context: EvaluationContext;
  onClose: () => void;
  onSave: (project: ProjectInput, id: number | null) => Promise<boolean>;
  /** Fields a new project starts with besides the defaults (the 布局图 fills the township and note of a placed site). */
  initial?: Partial<ProjectFields>;
}

export function ProjectModal({ open, project, plan, context, onClose, onSave, initial }: Props) {
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form) ?? PROJECT_TYPES[0];
  const spec = PROJECT_TYPE[type];
  const used = usedFields(type);
  const [receiversError, setReceiversError] = useState<string | null>(null);
  const schoolRef = Form.useWatch('school', form);
  const kind = Form.useWatch('kind', form);
  const township = Form.useWatch('township', form);
  const classes = Form.useWatch('classes', form) ?? 0;
  const receivers = Form.useWatch('receivers', form) ?? [];
  const settings = plan.settings;
  const system = context.county.schoolSystem;
  // Developments that reserve a 配套学校 site: a 新建 may say it builds one.
  const setup = useApi('projection.setup', {}, [open]);
  const reserving = (setup.data?.developments ?? []).filter((d) => d.reserveKind !== null);

  /** Existing schools open today, and the schools the plan's 新建 projects create. */
  const schoolOptions = useMemo(() => {
    const existing = context.schools
      .filter((s) => s.status === '在办')
      .map((s) => ({ value: s.code, label: `${s.name}（${KIND_LABEL[s.kind]}）`, kind: s.kind, township: s.township }));
    const planned = plan.projects
      .filter((p) => PROJECT_TYPE[p.type].createsSchool && p.kind && p.id !== project?.id)
      .map((p) => ({ value: newSchoolRef(p.id), label: `${p.name}${t.newSchoolTag}`, kind: p.kind as SchoolKind, township: p.township ?? '' }));
    return [...existing, ...planned];
  }, [context.schools, plan.projects, project?.id]);
  const chosen = schoolOptions.find((o) => o.value === schoolRef);
  const townshipOptions = context.townships.map((x) => ({ value: x.code, label: x.name }));
  const urban = context.townships.find((x) => x.code === (township ?? chosen?.township))?.urbanRural === '城区';
  const buildKind: SchoolKind | null = spec.ownKind ? kind : (chosen?.kind ?? null);
  const standards = buildKind ? standardClassCounts(buildKind, urban) : [];

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setReceiversError(null);
    // A new project starts as a 24-class primary school in the first township, three years out.
    const fresh: ProjectFields = {
      ...defaultProject(PROJECT_TYPES[0], plan.baseYear + 3),
      kind: 'primary',
      township: context.townships[0]?.code ?? null,
      classes: 24,
      seats: seatsFor('primary', 24, system, settings.classSize),
      ...initial,
    };
    // The id stays out of the form: the schema takes the project's fields only.
    const { id: _id, ...start }: ProjectFields & { id?: number } = project ?? fresh;
    form.setFieldsValue({
      ...start,
      receivers: start.receivers.map((r) => ({ school: r.school, share: Math.round(r.share * 1000) / 10 })),
      // A group's kind shows its default before the planner names the group.
      schoolGroup: start.schoolGroup ?? { name: '', kind: GROUP_KINDS[0], members: [] },
    });
  }, [open, project, form, context.townships, plan.baseYear, settings.classSize, system, initial]);

  /** Seats follow the classes at the standard class size until the planner types seats. */
  const standardSeats = (k: SchoolKind | null, n: number, stage: Stage | null): number => {
    if (spec.increment) return n * settings.classSize[stage ?? (chosen ? (KIND_STAGES[chosen.kind][0] as Stage) : 'primary')];
    return k ? seatsFor(k, n, system, settings.classSize) : 0;
  };

  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if ('classes' in changed || 'kind' in changed || 'stage' in changed || 'type' in changed || 'school' in changed) {
      const k = PROJECT_TYPE[all.type].ownKind ? all.kind : (schoolOptions.find((o) => o.value === all.school)?.kind ?? null);
      form.setFieldValue('seats', standardSeats(k, all.classes ?? 0, all.stage));
    }
  };

  const estimate = () => {
    const v = form.getFieldsValue();
    const rooms = spec.increment ? (context.schools.find((s) => s.code === v.school)?.designClasses ?? 0) + (v.classes ?? 0) : (v.classes ?? 0);
    if (!buildKind) return;
    const est = estimateFacilities(buildKind, rooms, v.seats ?? 0, settings, { urban, ...(spec.increment ? { added: { stage: v.stage ?? (KIND_STAGES[buildKind][0] as Stage) } } : {}) });
    if (!est) return;
    form.setFieldsValue({ floorArea: est.floorArea, siteArea: spec.increment ? v.siteArea : est.siteArea, investment: est.investment });
  };
  const perStudent = buildKind ? floorAreaPerStudent(buildKind, classes, settings.floorAreaBasis) : null;

  const shareTotal = receivers.reduce((s, r) => s + (r?.share ?? 0), 0);

  /** The schema decides; its messages go to the fields they concern. */
  const submit = async () => {
    const parsed = projectInputSchema.safeParse(fromForm(form.getFieldsValue(true) as Values));
    if (!parsed.success) {
      const byField = new Map<string, string>();
      for (const issue of parsed.error.issues) {
        // A group's messages go to its name when about the name, else under its members.
        const field = issue.path[0] === 'schoolGroup' ? `schoolGroup.${issue.path[1] === 'name' ? 'name' : 'members'}` : String(issue.path[0] ?? 'name');
        if (!byField.has(field)) byField.set(field, issue.message);
      }
      setReceiversError(byField.get('receivers') ?? null);
      form.setFields([...byField].filter(([name]) => name !== 'receivers').map(([name, message]) => ({ name: name.split('.') as never, errors: [message] })));
      return;
    }
    setReceiversError(null);
    const input: ProjectInput = parsed.data;
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
        <Form.Item name="name" label={t.name}>
          <Input maxLength={60} placeholder={t.namePlaceholder} data-testid="project-name" />
        </Form.Item>

        {spec.createsSchool ? (
          <div className="editor-grid-3">
            <Form.Item name="kind" label={t.kind}>
              <Select options={BUILDABLE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))} data-testid="project-kind" />
            </Form.Item>
            <Form.Item name="ownership" label={t.ownership}>
              <Select options={OWNERSHIPS.map((o) => ({ value: o, label: o }))} />
            </Form.Item>
            <Form.Item name="township" label={t.township}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={townshipOptions} data-testid="project-township" />
            </Form.Item>
            {reserving.length > 0 ? (
              <Form.Item name="development" label={t.development} tooltip={t.developmentHint}>
                <Select
                  allowClear
                  placeholder={t.developmentNone}
                  data-testid="project-development"
                  options={reserving.map((d) => ({ value: d.id, label: t.developmentOption(d.name, KIND_LABEL[d.reserveKind as SchoolKind]) }))}
                  onChange={(id: number | undefined) => {
                    // The reserved site names the kind and the place; the planner may still change them.
                    const d = reserving.find((x) => x.id === id);
                    if (d?.reserveKind) form.setFieldsValue({ kind: d.reserveKind, township: d.township });
                  }}
                />
              </Form.Item>
            ) : null}
          </div>
        ) : (
          <Form.Item name="school" label={used.group ? t.coreSchool : t.school}>
            <Select showSearch={{ optionFilterProp: 'label' }} placeholder={t.schoolPlaceholder} options={schoolOptions} data-testid="project-school" />
          </Form.Item>
        )}

        {used.stage && chosen ? (
          <Form.Item name="stage" label={t.stage}>
            <Select allowClear options={KIND_STAGES[chosen.kind].map((s) => ({ value: s, label: STAGE_LABEL[s] }))} />
          </Form.Item>
        ) : null}
        {used.township && !spec.createsSchool ? (
          <Form.Item name="township" label={t.newTownship}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={townshipOptions} />
          </Form.Item>
        ) : null}
        {used.kind && !spec.createsSchool ? (
          <Form.Item name="kind" label={t.newKind}>
            <Select options={BUILDABLE_KINDS.map((k) => ({ value: k, label: KIND_LABEL[k] }))} />
          </Form.Item>
        ) : null}

        {used.size ? (
          <>
            <div className="editor-grid">
              <Form.Item
                name="classes"
                label={spec.increment ? t.addedClasses : t.classes}
                extra={standards.length && !spec.increment ? t.standardSizes(standards.join('/')) : undefined}
              >
                <InputNumber min={0} max={300} style={{ width: '100%' }} data-testid="project-classes" />
              </Form.Item>
              <Form.Item name="seats" label={spec.increment ? t.addedSeats : t.seats}>
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

        {used.works && !used.size ? (
          <>
            {used.boarding ? (
              <Form.Item name="boardingPlaces" label={t.boardingPlaces}>
                <InputNumber min={0} max={10_000} style={{ width: '100%' }} data-testid="project-boarding-places" />
              </Form.Item>
            ) : null}
            <div className="editor-grid-3">
              <Form.Item name="floorArea" label={t.floorArea}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} data-testid="project-floor-area" />
              </Form.Item>
              <Form.Item name="siteArea" label={spec.improves === 'sportsArea' ? t.sportsGroundArea : t.siteArea}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="investment" label={t.investment}>
                <InputNumber min={0} max={10_000_000} style={{ width: '100%' }} data-testid="project-investment" />
              </Form.Item>
            </div>
            <div className="norm-note">
              {used.boarding
                ? t.boardingNote(String(settings.boardingAreaPerPlace.dormitory), String(settings.boardingAreaPerPlace.canteen), fmtInt(settings.costPerM2))
                : t.worksNote(fmtInt(settings.costPerM2), fmtInt(settings.siteWorksPerM2))}
            </div>
          </>
        ) : null}

        {used.group ? <GroupActionFields form={form} plan={plan} context={context} projectId={project?.id ?? null} schoolOptions={schoolOptions} /> : null}

        {used.receivers ? (
          <Form.Item label={t.receivers} extra={t.receiversHint} required validateStatus={receiversError ? 'error' : undefined} help={receiversError ?? undefined}>
            <Form.List name="receivers">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field) => (
                    <div className="receiver-row" key={field.key}>
                      <Form.Item name={[field.name, 'school']} noStyle>
                        <Select
                          showSearch={{ optionFilterProp: 'label' }}
                          placeholder={t.schoolPlaceholder}
                          options={schoolOptions.filter((o) => o.value !== schoolRef)}
                          data-testid="receiver-school"
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'share']} noStyle>
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
          <Form.Item name="completionYear" label={t.completionYear} extra={used.receivers ? t.completionHint : undefined}>
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
