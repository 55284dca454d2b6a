// Step 1: what kind of data, which file (a native dialog in the desktop app, an upload in
// the browser), which text encoding; reading progress with a cancel button.
import { Alert, Button, Flex, Form, Progress, Radio, Select, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { IMPORT_KIND_REGISTRY, IMPORT_KINDS, type EncodingChoice, type ImportFileStatus, type ImportKind } from '@shared/import';
import { zh } from '../../i18n/zh';
import { fmtBytes } from '../../lib/format';
import { MAX_UPLOAD_MB } from './transfer';

const t = zh.importer;
export const FILE_FILTERS = [{ name: '表格文件', extensions: ['xlsx', 'xls', 'et', 'csv', 'txt', 'xlsm'] }];
const ACCEPT = '.xlsx,.xls,.et,.csv,.txt,.xlsm';

interface Props {
  kind: ImportKind;
  onKind: (k: ImportKind) => void;
  encoding: EncodingChoice;
  onEncoding: (e: EncodingChoice) => void;
  desktop: boolean;
  onPickPath: () => void;
  onUpload: (file: File) => void;
  onCancel: () => void;
  onTemplate: () => void;
  /** Upload progress in the browser (0–100), null when not uploading. */
  uploading: number | null;
  file: ImportFileStatus | null;
}

function ReadingState({ file, uploading, onCancel }: Pick<Props, 'file' | 'uploading' | 'onCancel'>) {
  if (uploading !== null) {
    return (
      <div className="import-progress" data-testid="import-progress">
        <Typography.Text>{t.uploading(uploading)}</Typography.Text>
        <Progress percent={uploading} size="small" />
      </div>
    );
  }
  if (!file) return null;
  if (file.state === 'reading') {
    return (
      <div className="import-progress" data-testid="import-progress">
        <Flex justify="space-between" align="center">
          <Typography.Text>
            {t.phases[file.phase]}（{file.fileName}，{fmtBytes(file.bytes)}）
          </Typography.Text>
          <Button size="small" onClick={onCancel} data-testid="import-cancel">
            {t.cancel}
          </Button>
        </Flex>
        <Progress percent={file.percent ?? 50} status="active" size="small" showInfo={file.percent !== null} />
      </div>
    );
  }
  if (file.state === 'failed' || file.state === 'cancelled') {
    return (
      <Alert
        type={file.state === 'failed' ? 'error' : 'info'}
        showIcon
        title={file.state === 'failed' ? `${t.fileFailed}：${file.fileName}` : t.cancelled}
        description={file.error?.message}
        data-testid="import-file-error"
      />
    );
  }
  return (
    <Alert
      type="success"
      showIcon
      icon={<FileExcelOutlined />}
      title={t.fileReady(file.fileName, file.sheets.length)}
      description={[file.format ? t.formatLabel[file.format] : '', file.encoding ? `${t.encoding}：${t.encodings[file.encoding]}` : '', fmtBytes(file.bytes)].filter(Boolean).join('　·　')}
    />
  );
}

/** A numeric range with its unit (1-4 岁), the text a planner reads as one token. */
const RANGE = /(\d+-\d+(?: ?岁)?)/;

/**
 * Chromium breaks a line after a hyphen even under keep-all (1-|4 岁): each range goes in a
 * span that does not wrap, so the text stays the registry's own, character for character.
 */
function KeepRangesWhole({ text }: { text: string }) {
  return text.split(RANGE).map((part, i) =>
    i % 2 === 1 ? (
      <span key={i} className="import-range">
        {part}
      </span>
    ) : (
      part
    ),
  );
}

export function FileStep(props: Props) {
  const { kind, onKind, encoding, onEncoding, desktop, onPickPath, onUpload, onTemplate, file, uploading } = props;
  const busy = uploading !== null || file?.state === 'reading';
  return (
    <Form layout="vertical" className="import-file-step" data-testid="import-file-step">
      <Form.Item label={t.kind}>
        <Radio.Group value={kind} onChange={(e) => onKind(e.target.value as ImportKind)} className="import-kinds" disabled={busy}>
          {IMPORT_KINDS.map((k) => (
            <Radio key={k} value={k} className="import-kind" data-testid={`import-kind-${k}`}>
              <span className="import-kind-label">{IMPORT_KIND_REGISTRY[k].shortLabel}</span>
              <span className="import-kind-desc"><KeepRangesWhole text={IMPORT_KIND_REGISTRY[k].description} /></span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        label={t.file}
        extra={
          <Button type="link" size="small" icon={<DownloadOutlined />} onClick={onTemplate} style={{ paddingInline: 0 }} data-testid="import-blank-template">
            {t.blankTemplate}（{IMPORT_KIND_REGISTRY[kind].shortLabel}）
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {t.blankTemplateHint}
            </Typography.Text>
          </Button>
        }
      >
        {desktop ? (
          <Button icon={<FolderOpenOutlined />} onClick={onPickPath} disabled={busy} type="primary">
            {t.chooseFile}
          </Button>
        ) : (
          <Upload.Dragger
            accept={ACCEPT}
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(f) => {
              onUpload(f);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t.dropTitle}</p>
            <p className="ant-upload-hint">{t.dropHint.replace('60', String(MAX_UPLOAD_MB))}</p>
          </Upload.Dragger>
        )}
      </Form.Item>
      <div className="import-reading">
        <ReadingState {...props} />
      </div>
      <Form.Item label={t.encoding} extra={t.encodingHint}>
        <Space>
          <Select<EncodingChoice>
            value={encoding}
            onChange={onEncoding}
            style={{ width: 180 }}
            disabled={busy}
            options={(['auto', 'utf-8', 'gbk'] as const).map((e) => ({ value: e, label: t.encodings[e] }))}
            data-testid="import-encoding"
          />
        </Space>
      </Form.Item>
    </Form>
  );
}
