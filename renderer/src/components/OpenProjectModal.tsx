// Browser-mode stand-in for the native open dialog: a path field plus the project files
// the planner opened before.
import { useEffect, useState } from 'react';
import { Form, Input, List, Modal, Typography } from 'antd';
import { FileOutlined } from '@ant-design/icons';
import type { RecentFile } from '@shared/api';
import { zh } from '../i18n/zh';
import { fmtTime } from '../lib/format';

interface Props {
  open: boolean;
  recent: RecentFile[];
  onCancel: () => void;
  onOpen: (path: string) => Promise<void>;
}

export function OpenProjectModal({ open, recent, onCancel, onOpen }: Props) {
  const [path, setPath] = useState('');
  const [touched, setTouched] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  useEffect(() => {
    if (open) {
      setPath('');
      setTouched(false);
    }
  }, [open]);

  const files = recent.filter((r) => r.exists && r.path.toLowerCase().endsWith('.csplan'));
  const invalid = touched && path.trim() === '';

  async function submit(target: string) {
    setTouched(true);
    if (!target.trim()) return;
    setSubmitting(true);
    try {
      await onOpen(target.trim());
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Modal
      open={open}
      title={zh.openModal.title}
      okText={zh.common.open}
      cancelText={zh.common.cancel}
      onOk={() => void submit(path)}
      onCancel={onCancel}
      confirmLoading={submitting}
      destroyOnHidden
      width={620}
    >
      <Typography.Paragraph type="secondary">{zh.openModal.hint}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void submit(path)}>
        <Form.Item
          label={zh.openModal.pathLabel}
          htmlFor="open-project-path"
          validateStatus={invalid ? 'error' : undefined}
          help={invalid ? zh.openModal.pathRequired : undefined}
        >
          <Input
            id="open-project-path"
            autoFocus
            value={path}
            placeholder={zh.openModal.pathPlaceholder}
            onChange={(e) => setPath(e.target.value)}
            onPressEnter={() => void submit(path)}
          />
        </Form.Item>
      </Form>
      {files.length > 0 ? (
        <>
          <Typography.Text strong>{zh.openModal.recentFiles}</Typography.Text>
          <List
            size="small"
            className="recent-pick-list"
            dataSource={files}
            renderItem={(f) => (
              <List.Item
                className="recent-pick"
                onClick={() => setPath(f.path)}
                onDoubleClick={() => void submit(f.path)}
              >
                <List.Item.Meta
                  avatar={<FileOutlined />}
                  title={f.name}
                  description={
                    <span className="path-text" title={f.path}>
                      {f.path} · {fmtTime(f.openedAt)}
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Modal>
  );
}
