// The fields of a 集团化办学 project: the group's name (a name the county or an earlier action
// already uses extends that group, any other forms one), its kind and the schools that join.
// Choosing an existing group fills in its core school and kind.
import { AutoComplete, Form, Select, type FormInstance } from 'antd';
import { GROUP_KINDS } from '@shared/domain';
import { groupsInYear, PROJECT_TYPE, type EvaluationContext, type PlanDetail } from '@shared/plan';
import { zh } from '../../i18n/zh';

const t = zh.plan.editor;

interface Props {
  form: FormInstance;
  plan: PlanDetail;
  context: EvaluationContext;
  /** The project being edited (its own group does not count as an existing one). */
  projectId: number | null;
  schoolOptions: { value: string; label: string }[];
}

/** The groups a new action could extend: the county's and those the plan's other actions form, by the outlook year. */
export function existingGroups(plan: PlanDetail, context: EvaluationContext, projectId: number | null) {
  const others = plan.projects.filter((p) => p.id !== projectId && p.status !== '暂缓' && PROJECT_TYPE[p.type].group);
  return groupsInYear(context.inclusion?.groups ?? [], others, plan.outlookYear);
}

export function GroupActionFields({ form, plan, context, projectId, schoolOptions }: Props) {
  const groups = existingGroups(plan, context, projectId);
  const name = Form.useWatch(['schoolGroup', 'name'], form) as string | undefined;
  const core = Form.useWatch('school', form) as string | undefined;
  const known = groups.find((g) => g.name === name?.trim());
  const onName = (value: string) => {
    const g = groups.find((x) => x.name === value);
    if (g) form.setFieldsValue({ school: g.core, schoolGroup: { ...form.getFieldValue('schoolGroup'), name: value, kind: g.kind } });
  };
  return (
    <>
      <div className="editor-grid">
        <Form.Item name={['schoolGroup', 'name']} label={t.groupName} extra={known ? t.groupHint(known.name) : t.groupNewHint}>
          <AutoComplete
            options={groups.map((g) => ({ value: g.name }))}
            onSelect={onName}
            maxLength={100}
            placeholder={t.groupNamePlaceholder}
            data-testid="project-group-name"
          />
        </Form.Item>
        <Form.Item name={['schoolGroup', 'kind']} label={t.groupKind}>
          <Select options={GROUP_KINDS.map((k) => ({ value: k, label: k }))} disabled={!!known} data-testid="project-group-kind" />
        </Form.Item>
      </div>
      <Form.Item name={['schoolGroup', 'members']} label={t.groupMembers}>
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t.schoolPlaceholder}
          options={schoolOptions.filter((o) => o.value !== core && !(known && (known.core === o.value || known.members.includes(o.value))))}
          data-testid="project-group-members"
        />
      </Form.Item>
    </>
  );
}
