// 导入地理数据: layer, coordinate system, text encoding and the file (a native dialog in the
// desktop app, an upload in the browser), then 检查 (a dry run) and 导入, each a geo.importStart
// job polled for its progress; 取消, Esc or closing the dialog cancels it until its write begins.
// An upload is used up by one call, so 导入 sends the file again.
import { useRef, useState } from 'react';
import { Alert, Button, Form, Modal, Radio, Select, Space, Typography, Upload } from 'antd';
import { FolderOpenOutlined, UploadOutlined } from '@ant-design/icons';
import { GEO_LAYER_LABEL, GEO_LAYERS, type GeoImportJob, type GeoImportResult, type GeoLayer } from '@shared/geo/api';
import { invoke } from '../../api/client';
import { hasNativeDialogs, nativeDialog } from '../../api/desktop';
import { zh } from '../../i18n/zh';
import { uploadFile } from '../import/transfer';
import { GeoImportProgress } from './GeoImportProgress';

const t = zh.map.importGeo;
const REFERENCE: GeoLayer[] = ['road', 'river', 'town'];
const FILTERS = [{ name: t.filterName, extensions: ['shp', 'zip', 'geojson', 'json'] }];
type Coordinates = 'auto' | 'wgs84' | 'gcj02' | 'bd09';
type Encoding = 'auto' | 'utf-8' | 'gbk';
type Picked = { path: string; name: string } | { file: File; name: string };
const POLL_MS = 250;

const COORDINATE_OPTIONS: { value: Coordinates; label: string }[] = [
  { value: 'auto', label: t.coordinateAuto },
  { value: 'wgs84', label: t.coordinateWgs84 },
  { value: 'gcj02', label: t.coordinateGcj02 },
  { value: 'bd09', label: t.coordinateBd09 },
];

function ResultView({ result, dryRun }: { result: GeoImportResult; dryRun: boolean }) {
  const label = GEO_LAYER_LABEL[result.layer];
  const title = !result.ok ? t.refused(result.fileName) : result.written ? t.written(label, result.fileName, result.backup ?? '') : dryRun ? t.checkedOk(result.fileName) : '';
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="geo-import-result">
      <Alert type={result.ok ? 'success' : 'error'} showIcon title={title} description={t.counts(result.features, result.joined)} />
      {result.unmatched.length ? (
        <Alert
          type="warning"
          title={t.unmatched(result.unmatched.length)}
          description={result.unmatched.slice(0, 30).map((u) => t.unmatchedItem(u.feature, u.name, u.code)).join('；')}
          data-testid="geo-import-unmatched"
        />
      ) : null}
      {result.missing.length ? <Alert type="warning" title={t.missing(result.missing.length)} description={result.missing.join('、')} data-testid="geo-import-missing" /> : null}
      {result.problems.length ? (
        <Alert
          type="error"
          title={t.problems(result.problems.length)}
          description={
            <ul className="geo-import-list">
              {result.problems.slice(0, 30).map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {result.notes.length ? (
        <Alert
          type="info"
          title={t.notes}
          description={
            <ul className="geo-import-list">
              {result.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Space>
  );
}

export function GeoImportModal({ open, onClose, onImported }: { open: boolean; onClose: () => void; onImported: () => void }) {
  const desktop = hasNativeDialogs();
  const [layer, setLayer] = useState<GeoLayer>('townships');
  const [coordinates, setCoordinates] = useState<Coordinates>('auto');
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [picked, setPicked] = useState<Picked | null>(null);
  /** Upload progress in the browser (0–100), null when not uploading. */
  const [uploading, setUploading] = useState<number | null>(null);
  /** The import job while it runs (null before geo.importStart answers). */
  const [job, setJob] = useState<GeoImportJob | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ value: GeoImportResult; dryRun: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<string | null>(null);
  /** Bumped by a cancel: an upload or a poll of an older run stops at its next step. */
  const generation = useRef(0);
  const jobId = useRef<string | null>(null);

  const changed = () => {
    setResult(null);
    setError(null);
    setCancelled(null);
  };
  /** A new choice makes the last check stale. */
  const choosing =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      changed();
    };

  async function run(dryRun: boolean) {
    if (!picked) return;
    changed();
    const gen = ++generation.current;
    const stale = () => gen !== generation.current;
    setRunning(true);
    setJob(null);
    jobId.current = null;
    try {
      let source: { path: string } | { source: { uploadId: string } };
      if ('path' in picked) source = { path: picked.path };
      else {
        setUploading(0);
        const uploadId = await uploadFile(picked.file, setUploading, stale);
        if (!uploadId || stale()) return;
        setUploading(null);
        source = { source: { uploadId } };
      }
      let status = await invoke('geo.importStart', { ...source, layer, encoding, dryRun, ...(coordinates === 'auto' ? {} : { coordinates: { system: coordinates } }) });
      if (stale()) {
        // Cancelled while the start was on its way.
        void invoke('geo.importCancel', { job: status.job }).catch(() => undefined);
        return;
      }
      jobId.current = status.job;
      while (status.state === 'running') {
        setJob(status);
        await new Promise((r) => setTimeout(r, POLL_MS));
        status = await invoke('geo.importStatus', { job: status.job });
      }
      jobId.current = null;
      if (stale()) return;
      if (status.state === 'cancelled') setCancelled(t.cancelled(picked.name));
      else if (status.state === 'failed' || !status.result) setError(t.failed(picked.name, status.error ?? ''));
      else {
        setResult({ value: status.result, dryRun });
        if (status.result.written) onImported();
      }
    } catch (err) {
      if (!stale()) setError(t.failed(picked.name, err instanceof Error ? err.message : String(err)));
    } finally {
      if (!stale()) {
        setUploading(null);
        setJob(null);
        setRunning(false);
      }
    }
  }

  /**
   * Stops the running import. While the file uploads or the job starts, this page drops it (a
   * job that starts after all is cancelled as it answers); a running job is cancelled in the
   * backend, whose answer the poll shows. False when the backend refuses: the write has begun
   * (one transaction, which runs to the end).
   */
  async function stop(): Promise<boolean> {
    const id = jobId.current;
    if (id === null) {
      generation.current++;
      setRunning(false);
      setUploading(null);
      setJob(null);
      if (picked) setCancelled(t.cancelled(picked.name));
      return true;
    }
    const status = await invoke('geo.importCancel', { job: id });
    if (status.state !== 'running') return true;
    setJob(status);
    return false;
  }

  /** Esc, the × and the footer's 取消 close the dialog, stopping an import that runs; not while it writes. */
  async function close() {
    if (running && !(await stop().catch(() => false))) return;
    onClose();
  }

  async function choose() {
    const path = await nativeDialog('openFile', { title: t.dialogTitle, filters: FILTERS });
    if (!path) return;
    setPicked({ path, name: path.split(/[\\/]/).pop() ?? path });
    changed();
  }

  const written = result?.value.written ?? false;
  const canImport = result !== null && result.dryRun && result.value.ok && !written;
  const layerOptions = GEO_LAYERS.map((l) => ({ value: l, label: REFERENCE.includes(l) ? t.referenceLayer(GEO_LAYER_LABEL[l]) : GEO_LAYER_LABEL[l] }));

  return (
    <Modal
      open={open}
      title={t.title}
      width={760}
      onCancel={() => void close()}
      destroyOnHidden
      footer={
        written
          ? [
              <Button key="close" type="primary" onClick={() => void close()} data-testid="geo-import-close">
                {t.close}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={() => void close()}>
                {t.cancel}
              </Button>,
              <Button key="check" disabled={!picked || running} onClick={() => void run(true)} data-testid="geo-import-check">
                {t.check}
              </Button>,
              <Button key="import" type="primary" disabled={!canImport || running} onClick={() => void run(false)} data-testid="geo-import-commit">
                {t.doImport}
              </Button>,
            ]
      }
    >
      <div data-testid="geo-import-modal">
        <Form layout="horizontal" labelCol={{ flex: '112px' }} labelAlign="left" colon={false} disabled={running || written}>
          <Form.Item label={t.layer}>
            <Select<GeoLayer>
              value={layer}
              onChange={choosing(setLayer)}
              options={layerOptions}
              style={{ width: 240 }}
              data-testid="geo-import-layer"
            />
          </Form.Item>
          <Form.Item label={t.coordinates}>
            <Radio.Group
              value={coordinates}
              onChange={(e) => choosing(setCoordinates)(e.target.value as Coordinates)}
              data-testid="geo-import-coordinates"
            >
              <Space orientation="vertical" size={2}>
                {COORDINATE_OPTIONS.map((o) => (
                  <Radio key={o.value} value={o.value}>
                    {o.label}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item label={t.encoding}>
            <Select<Encoding>
              value={encoding}
              onChange={choosing(setEncoding)}
              options={(Object.keys(t.encodings) as Encoding[]).map((e) => ({ value: e, label: t.encodings[e] }))}
              style={{ width: 240 }}
              data-testid="geo-import-encoding"
            />
          </Form.Item>
          <Form.Item label={t.file} extra={desktop ? t.desktopHint : t.browserHint}>
            <Space>
              {desktop ? (
                <Button icon={<FolderOpenOutlined />} onClick={() => void choose()} data-testid="geo-import-choose">
                  {t.chooseFile}
                </Button>
              ) : (
                <Upload
                  accept=".zip,.geojson,.json"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    setPicked({ file, name: file.name });
                    changed();
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} data-testid="geo-import-choose">
                    {t.chooseFile}
                  </Button>
                </Upload>
              )}
              <Typography.Text type={picked ? undefined : 'secondary'} data-testid="geo-import-file">
                {picked ? picked.name : t.noFile}
              </Typography.Text>
            </Space>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary">{t.replaces}</Typography.Paragraph>
        {running ? <GeoImportProgress job={job} uploading={uploading} fileName={picked?.name ?? ''} onCancel={() => void stop().catch(() => undefined)} /> : null}
        {cancelled ? <Alert type="info" showIcon title={cancelled} data-testid="geo-import-cancelled" /> : null}
        {error ? <Alert type="error" showIcon title={error} data-testid="geo-import-error" /> : null}
        {result ? <ResultView result={result.value} dryRun={result.dryRun} /> : null}
      </div>
    </Modal>
  );
}
