// 使用指南: the workflow from an empty project to printed annexes, with the blank import
// templates one click away. Opened by the 帮助 button in the header and on the start page.
import { useState } from 'react';
import { Button, Drawer, Space, Typography } from 'antd';
import { DownloadOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { IMPORT_KIND_REGISTRY, IMPORT_KINDS, type ImportKind } from '@shared/import';
import { invoke } from '../../api/client';
import { downloadBase64, MIME } from '../../lib/download';
import { zh } from '../../i18n/zh';
import { useToast } from '../../state/useToast';

const t = zh.guide;

function GuideBody() {
  const message = useToast();
  const template = async (kind: ImportKind) => {
    try {
      const r = await invoke('import.blankTemplate', { kind });
      downloadBase64(r.fileName, r.base64, MIME.xlsx);
    } catch (err) {
      void message.error(`${t.templateFailed}：${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <div className="guide" data-testid="guide">
      <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
      {t.steps.map((step) => (
        <section key={step.title} className="guide-step">
          <Typography.Title level={5}>{step.title}</Typography.Title>
          <Typography.Paragraph>{step.text}</Typography.Paragraph>
        </section>
      ))}
      <Typography.Title level={5}>{t.templates}</Typography.Title>
      <Typography.Paragraph type="secondary">{t.templatesHint}</Typography.Paragraph>
      <Space wrap>
        {IMPORT_KINDS.map((kind) => (
          <Button key={kind} icon={<DownloadOutlined />} onClick={() => void template(kind)} data-testid={`guide-template-${kind}`}>
            {IMPORT_KIND_REGISTRY[kind].shortLabel}
          </Button>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" className="guide-foot">
        {t.hover}
        <br />
        {t.cli}
      </Typography.Paragraph>
    </div>
  );
}

/** The 帮助 button and the drawer it opens. */
export function GuideButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<QuestionCircleOutlined />} onClick={() => setOpen(true)} data-testid="guide-open">
        {t.button}
      </Button>
      <Drawer title={t.title} open={open} onClose={() => setOpen(false)} size={560} destroyOnHidden>
        <GuideBody />
      </Drawer>
    </>
  );
}
