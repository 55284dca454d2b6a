// The import wizard: file → sheet and header → column mapping → checks → preview and commit.
// All reading, checking and writing happens in the backend; this component keeps the
// planner's choices and shows what the backend found. Nothing is written before “导入”.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, Flex, Spin, Steps } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined, CheckOutlined } from '@ant-design/icons';
import {
  kindField,
  toMappingFile,
  type EncodingChoice,
  type ImportAnalysis,
  type ImportCheck,
  type ImportFileStatus,
  type ImportKind,
  type ImportResult,
} from '@shared/import';
import { invoke } from '../../api/client';
import { hasNativeDialogs, nativeDialog } from '../../api/desktop';
import { zh } from '../../i18n/zh';
import { useProject } from '../../state/session';
import { useReportError } from '../../state/useReportError';
import { CheckStep } from './CheckStep';
import { ConfirmStep } from './ConfirmStep';
import { FILE_FILTERS, FileStep } from './FileStep';
import { MappingStep, type MappingOptions } from './MappingStep';
import { SheetStep } from './SheetStep';
import { MIME, downloadBase64 } from '../../lib/download';
import { downloadJson, MAX_UPLOAD_MB, uploadFile } from './transfer';
import { useToast } from '../../state/useToast';

const t = zh.importer;
const POLL_MS = 200;

type Source = { file: File } | { path: string };

interface Props {
  /** An import was written or undone: the history and the header counts change. */
  onChanged: () => void;
  onHistory: () => void;
}

const NO_OPTIONS: MappingOptions = { year: null, createTownships: false, skipInvalidRows: false, coordinates: null };

export function ImportWizard({ onChanged, onHistory }: Props) {
  const { setProject } = useProject();
  const message = useToast();
  const reportError = useReportError();
  const desktop = hasNativeDialogs();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKind>('schools');
  const [encoding, setEncoding] = useState<EncodingChoice>('auto');
  const [source, setSource] = useState<Source | null>(null);
  const [uploading, setUploading] = useState<number | null>(null);
  const [file, setFile] = useState<ImportFileStatus | null>(null);
  const [sheet, setSheet] = useState<string | null>(null);
  const [headerRows, setHeaderRows] = useState<{ first: number; last: number } | null>(null);
  const [analysis, setAnalysis] = useState<ImportAnalysis | null>(null);
  const [targets, setTargets] = useState<Record<number, string>>({});
  const [options, setOptions] = useState<MappingOptions>(NO_OPTIONS);
  const [check, setCheck] = useState<ImportCheck | null>(null);
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [undone, setUndone] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  // Answers for a file the planner has since replaced are dropped.
  const generation = useRef(0);
  useEffect(() => () => void generation.current++, []);

  const resetFrom = useCallback((from: 'file' | 'sheet' | 'mapping') => {
    if (from === 'file') {
      setFile(null);
      setSheet(null);
      setOptions(NO_OPTIONS);
    }
    if (from !== 'mapping') {
      setAnalysis(null);
      setTargets({});
      setHeaderRows(null);
    }
    setCheck(null);
    setAcceptWarnings(false);
    setResult(null);
    setUndone(false);
  }, []);

  const analyse = useCallback(
    async (fileId: string, name: string, k: ImportKind, rows: { first: number; last: number } | null, gen: number): Promise<ImportAnalysis | null> => {
      const a = await invoke('import.analyse', { fileId, sheet: name, kind: k, ...(rows ? { headerRows: rows } : {}) });
      if (gen !== generation.current) return null;
      setSheet(name);
      setAnalysis(a);
      setTargets(Object.fromEntries(a.columns.map((c) => [c.index, c.target])));
      setOptions((o) => ({ ...o, year: o.year ?? a.titleYear }));
      setCheck(null);
      setResult(null);
      return a;
    },
    [],
  );

  /** The first sheet (visible ones first) whose header is found. */
  const pickSheet = useCallback(
    async (status: ImportFileStatus, k: ImportKind, gen: number) => {
      const ordered = [...status.sheets.filter((s) => !s.hidden && s.rows > 0), ...status.sheets.filter((s) => s.hidden && s.rows > 0)];
      let first: ImportAnalysis | null = null;
      for (const s of ordered) {
        const a = await invoke('import.analyse', { fileId: status.fileId, sheet: s.name, kind: k });
        if (gen !== generation.current) return;
        first ??= a;
        if (a.header) {
          await analyse(status.fileId, s.name, k, null, gen);
          setStep(1);
          return;
        }
      }
      if (first) await analyse(status.fileId, first.sheet, k, null, gen);
      setStep(1);
    },
    [analyse],
  );

  const openSource = useCallback(
    async (src: Source, enc: EncodingChoice) => {
      const gen = ++generation.current;
      resetFrom('file');
      setSource(src);
      try {
        let status: ImportFileStatus;
        if ('file' in src) {
          if (src.file.size > MAX_UPLOAD_MB * 1024 * 1024) {
            void message.error(t.tooBig(MAX_UPLOAD_MB));
            return;
          }
          setUploading(0);
          const uploadId = await uploadFile(src.file, setUploading, () => gen !== generation.current);
          setUploading(null);
          if (!uploadId || gen !== generation.current) return;
          status = await invoke('import.open', { source: { uploadId }, encoding: enc });
        } else {
          status = await invoke('import.open', { source: { path: src.path }, encoding: enc });
        }
        while (status.state === 'reading') {
          if (gen !== generation.current) return;
          setFile(status);
          await new Promise((r) => setTimeout(r, POLL_MS));
          status = await invoke('import.status', { fileId: status.fileId });
        }
        if (gen !== generation.current) return;
        setFile(status);
        if (status.state === 'ready') await pickSheet(status, kind, gen);
      } catch (err) {
        setUploading(null);
        reportError(err);
      }
    },
    [kind, message, pickSheet, reportError, resetFrom],
  );

  const request = () => ({
    fileId: file?.fileId ?? '',
    sheet: sheet ?? '',
    kind,
    ...(options.year ? { year: options.year } : {}),
    ...(headerRows ? { headerRows } : {}),
    columns: Object.entries(targets).map(([index, target]) => ({ index: Number(index), target })),
    createTownships: options.createTownships,
    skipInvalidRows: options.skipInvalidRows,
    ...(options.coordinates ? { coordinates: options.coordinates } : {}),
  });

  async function runCheck() {
    setBusy(t.checking);
    try {
      setCheck(await invoke('import.check', request()));
      setAcceptWarnings(false);
      setResult(null);
      setStep(3);
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(null);
    }
  }

  async function refreshSummary() {
    const home = await invoke('app.home', {});
    if (home.current) setProject(home.current);
    onChanged();
  }

  async function commit() {
    setBusy(t.committing);
    try {
      const r = await invoke('import.commit', { ...request(), acceptWarnings });
      setResult(r);
      if (r.ok) await refreshSummary();
    } catch (err) {
      reportError(err);
    } finally {
      setBusy(null);
    }
  }

  async function undoThis() {
    if (!result?.importId) return;
    try {
      await invoke('import.undo', { importId: result.importId });
      setUndone(true);
      void message.success(t.undone(result.importId));
      await refreshSummary();
    } catch (err) {
      reportError(err);
    }
  }

  function startOver() {
    generation.current++;
    resetFrom('file');
    setSource(null);
    setStep(0);
  }

  const mappingFile = () =>
    toMappingFile(
      kind,
      (analysis?.columns ?? []).map((c) => ({ ...c, target: targets[c.index] ?? 'ignore' })),
      undefined,
      headerRows ?? analysis?.header ?? undefined,
    );

  async function saveTemplate(name: string): Promise<boolean> {
    try {
      await invoke('import.saveTemplate', { name, mapping: { ...mappingFile(), name } });
      void message.success(t.templateSaved(name));
      return true;
    } catch (err) {
      reportError(err);
      return false;
    }
  }

  async function blankTemplate() {
    try {
      const r = await invoke('import.blankTemplate', { kind });
      downloadBase64(r.fileName, r.base64, MIME.xlsx);
    } catch (err) {
      reportError(err);
    }
  }

  async function pickPath() {
    const path = await nativeDialog('openFile', { title: t.chooseFile, filters: FILE_FILTERS });
    if (path) void openSource({ path }, encoding);
  }

  // A kind without a year (村（社区）, 学校集团) never asks for one.
  const needsYear = kindField(kind, 'year') !== undefined && !Object.values(targets).some((v) => v === 'year' || v.startsWith('yearCol:'));
  const ready = file?.state === 'ready';
  const canNext = [
    ready && analysis !== null,
    analysis?.header != null,
    !(needsYear && !options.year) && Object.values(targets).some((v) => v !== 'ignore'),
    check !== null && check.canCommit && (!check.needsAcceptance || acceptWarnings),
    check !== null && check.canCommit && !result?.ok,
  ];
  const reached = [true, ready && analysis !== null, analysis?.header != null, check !== null, check !== null];

  function next() {
    if (step === 2) void runCheck();
    else if (step === 4) void commit();
    else setStep(step + 1);
  }

  const body = (() => {
    switch (step) {
      case 0:
        return (
          <FileStep
            kind={kind}
            onKind={(k) => {
              setKind(k);
              if (file?.state === 'ready') {
                resetFrom('sheet');
                void pickSheet(file, k, generation.current);
              }
            }}
            encoding={encoding}
            onEncoding={(e) => {
              setEncoding(e);
              if (source) void openSource(source, e);
            }}
            desktop={desktop}
            onPickPath={() => void pickPath()}
            onUpload={(f) => void openSource({ file: f }, encoding)}
            onCancel={() => file && void invoke('import.cancel', { fileId: file.fileId }).catch(reportError)}
            onTemplate={() => void blankTemplate()}
            uploading={uploading}
            file={file}
          />
        );
      case 1:
        return file ? (
          <SheetStep
            file={file}
            sheet={sheet}
            analysis={analysis}
            loading={busy !== null}
            onSheet={(name) => {
              resetFrom('sheet');
              void analyse(file.fileId, name, kind, null, generation.current).catch(reportError);
            }}
            onHeaderRows={(rows) => {
              setHeaderRows(rows);
              if (sheet) void analyse(file.fileId, sheet, kind, rows, generation.current).catch(reportError);
            }}
          />
        ) : null;
      case 2:
        return analysis ? (
          <MappingStep
            analysis={analysis}
            targets={targets}
            onTarget={(index, target) => {
              setTargets((m) => ({ ...m, [index]: target }));
              setCheck(null);
            }}
            options={options}
            onOptions={(o) => {
              setOptions(o);
              setCheck(null);
            }}
            needsYear={needsYear}
            yearless={kindField(kind, 'year') === undefined}
            onSaveTemplate={saveTemplate}
            onExport={() => downloadJson(`列对应-${sheet ?? kind}.json`, mappingFile())}
          />
        ) : null;
      case 3:
        return check ? <CheckStep check={check} skipInvalidRows={options.skipInvalidRows} acceptWarnings={acceptWarnings} onAcceptWarnings={setAcceptWarnings} /> : null;
      default:
        return check ? <ConfirmStep check={check} result={result} undone={undone} onUndo={() => void undoThis()} onAnother={startOver} onHistory={onHistory} /> : null;
    }
  })();

  const done = result?.ok === true;
  return (
    <div className="import-wizard" data-testid="import-wizard">
      <Steps
        size="small"
        current={step}
        onChange={(s) => reached[s] && !done && setStep(s)}
        items={t.steps.map((title, i) => ({ title, content: t.stepHints[i], disabled: !reached[i] || done }))}
        className="import-steps"
      />
      <Spin spinning={busy !== null} tip={busy ?? undefined}>
        <div className="import-step-body">{body}</div>
      </Spin>
      {done ? null : (
        <Flex justify="space-between" className="import-footer">
          <Button icon={<ArrowLeftOutlined />} disabled={step === 0} onClick={() => setStep(step - 1)} data-testid="import-back">
            {t.back}
          </Button>
          <Button
            type="primary"
            icon={step === 4 ? <CheckOutlined /> : <ArrowRightOutlined />}
            iconPlacement="end"
            disabled={!canNext[step]}
            loading={busy !== null}
            onClick={next}
            data-testid="import-next"
          >
            {step === 2 ? t.toCheck : step === 3 ? t.toConfirm : step === 4 ? t.commit : t.next}
          </Button>
        </Flex>
      )}
    </div>
  );
}
