// 重置示例县, with a confirmation: the backend backs the sample file up before re-creating it.
import { App, Button } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { SAMPLE_COUNTY_NAME } from '@shared/sample/names';
import { zh } from '../i18n/zh';
import { useSession } from '../state/session';

const t = zh.sampleReset;

/** True when `path` is the sample county's file in `projectsDir` (either path separator). */
export function isSampleFile(path: string, projectsDir: string): boolean {
  const file = `${SAMPLE_COUNTY_NAME}.csplan`;
  return path === `${projectsDir}/${file}` || path === `${projectsDir}\\${file}`;
}

/** `openProject`: the file open now, if any; resetting closes it unless it is the sample itself. */
export function ResetSampleButton(props: { projectsDir: string; openProject?: string; type?: 'default' | 'link' }) {
  const { modal } = App.useApp();
  const session = useSession();
  const closesOther = props.openProject !== undefined && !isSampleFile(props.openProject, props.projectsDir);

  function confirm() {
    modal.confirm({
      title: t.title,
      content: t.body(closesOther),
      okText: t.ok,
      cancelText: zh.common.cancel,
      okButtonProps: { danger: true },
      onOk: () => session.resetSample(),
    });
  }

  return (
    <Button type={props.type ?? 'default'} icon={<UndoOutlined />} onClick={confirm} data-testid="reset-sample">
      {t.button}
    </Button>
  );
}
