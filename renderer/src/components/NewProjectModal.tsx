import { useEffect, useRef, useState } from 'react';
import { Button, Cascader, Checkbox, Form, Input, Modal, Radio, Space } from 'antd';
import { SCHOOL_SYSTEMS, type SchoolSystem } from '@shared/domain';
import { countyDivision, DIVISION_SOURCE, DIVISION_TREE, type DivisionOption } from '@shared/divisions/counties';
import { invoke } from '../api/client';
import { hasNativeDialogs, nativeDialog } from '../api/desktop';
import type { ProjectSummary } from '@shared/api';
import { zh } from '../i18n/zh';
import { useReportError } from '../state/useReportError';

interface Props {
  open: boolean;
  projectsDir: string;
  onCancel: () => void;
  onCreated: (project: ProjectSummary) => void;
}

interface Values {
  name: string;
  /** Codes picked province → city → county. */
  division?: string[];
  officialTownships?: boolean;
  countyCode?: string;
  schoolSystem: SchoolSystem;
  path: string;
}

/** Joins with the separator the folder already uses, so Windows paths stay Windows paths. */
function proposePath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  const base = dir.replace(/[\\/]+$/, '');
  // Characters Windows forbids in file names would make the proposal unusable there.
  const safe = (name.trim() || zh.newModal.defaultFileName).replace(/[\\/:*?"<>|]/g, '_');
  return `${base}${sep}${safe}.csplan`;
}

export function NewProjectModal({ open, projectsDir, onCancel, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  // Once the planner edits the path by hand, stop rewriting it from the name.
  const pathEdited = useRef(false);
  const picked = Form.useWatch('division', form);
  const reportError = useReportError();
  const native = hasNativeDialogs();

  useEffect(() => {
    if (!open) return;
    pathEdited.current = false;
    form.setFieldsValue({
      name: '',
      division: [],
      officialTownships: true,
      countyCode: '',
      schoolSystem: '六三制',
      path: proposePath(projectsDir, ''),
    });
  }, [open, projectsDir, form]);

  function onValuesChange(changed: Partial<Values>) {
    if ('path' in changed) pathEdited.current = true;
    if ('division' in changed) {
      const county = countyDivision(changed.division?.[2] ?? '');
      if (county) {
        form.setFieldsValue({ name: county.name, countyCode: county.code });
        if (!pathEdited.current) form.setFieldValue('path', proposePath(projectsDir, county.name));
      }
    }
    if ('name' in changed && !pathEdited.current) {
      form.setFieldValue('path', proposePath(projectsDir, changed.name ?? ''));
    }
  }

  async function browse() {
    const current = form.getFieldValue('path') as string | undefined;
    const chosen = await nativeDialog('saveProject', {
      defaultPath: current || proposePath(projectsDir, form.getFieldValue('name') as string),
      title: zh.newModal.path,
    });
    if (chosen) {
      pathEdited.current = true;
      form.setFieldValue('path', chosen);
    }
  }

  async function submit(values: Values) {
    setSubmitting(true);
    try {
      const code = values.countyCode?.trim();
      const project = await invoke('project.create', {
        path: values.path.trim(),
        name: values.name.trim(),
        schoolSystem: values.schoolSystem,
        ...(code ? { countyCode: code } : {}),
        ...(code && values.officialTownships && countyDivision(code) ? { officialTownships: true } : {}),
      });
      onCreated(project);
    } catch (err) {
      reportError(err);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={zh.newModal.title}
      okText={zh.newModal.create}
      cancelText={zh.common.cancel}
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={submitting}
      width={560}
      forceRender
    >
      <Form<Values>
        form={form}
        name="newProject"
        layout="vertical"
        onFinish={(v) => void submit(v)}
        onValuesChange={onValuesChange}
        requiredMark="optional"
        style={{ marginTop: 12 }}
      >
        <Form.Item name="division" label={zh.newModal.division} extra={zh.newModal.divisionHelp(DIVISION_SOURCE)}>
          <Cascader<DivisionOption>
            options={DIVISION_TREE as DivisionOption[]}
            fieldNames={{ label: 'name', value: 'code', children: 'children' }}
            showSearch={{ filter: (input, path) => path.some((o) => o.name.includes(input.trim())) }}
            placeholder={zh.newModal.divisionPlaceholder}
            data-testid="new-project-division"
          />
        </Form.Item>
        {picked && picked.length === 3 ? (
          <Form.Item name="officialTownships" valuePropName="checked" style={{ marginTop: -8 }}>
            <Checkbox data-testid="new-project-official-townships">{zh.newModal.officialTownships}</Checkbox>
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={zh.newModal.name}
          rules={[
            { required: true, whitespace: true, message: zh.newModal.nameRequired },
            { max: 60, message: zh.newModal.nameTooLong },
          ]}
        >
          <Input placeholder={zh.newModal.namePlaceholder} autoFocus maxLength={60} />
        </Form.Item>
        <Form.Item
          name="countyCode"
          label={zh.newModal.code}
          rules={[{ pattern: /^\d{6}$/, message: zh.newModal.codeInvalid }]}
        >
          <Input placeholder={zh.newModal.codePlaceholder} maxLength={6} inputMode="numeric" style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="schoolSystem" label={zh.newModal.system} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={SCHOOL_SYSTEMS.map((s) => ({ value: s, label: s }))}
          />
        </Form.Item>
        <Form.Item label={zh.newModal.path} htmlFor="newProject_path" required extra={zh.newModal.pathHelp}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="path" noStyle rules={[{ required: true, whitespace: true, message: zh.newModal.pathRequired }]}>
              <Input />
            </Form.Item>
            {native ? <Button onClick={() => void browse()}>{zh.common.browse}</Button> : null}
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
