// 附件: pick the plan's annexes, their order, numbers, title prefix and paper; preview them
// exactly as they print; export PDF, Excel or Word (a save dialog in the desktop app, a
// download in the browser).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Checkbox, Col, Empty, Form, Input, InputNumber, Row, Select, Space, Spin, Typography } from 'antd';
import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import type { AnnexFormat, AnnexList, AnnexSelection } from '@shared/annex';
import type { MethodInput } from '@shared/api';
import { invoke } from '../api/client';
import { usePageInvoke } from '../api/pageCalls';
import { hasNativeDialogs, nativeDialog } from '../api/desktop';
import { useApi } from '../api/useApi';
import { AnnexPicker, type AnnexChoice } from '../components/annex/AnnexPicker';
import { AnnexPreview } from '../components/annex/AnnexPreview';
import { ExportProgressModal, useAnnexExportProgress } from '../components/annex/ExportProgress';
import { downloadBase64, MIME } from '../lib/download';
import { LoadError } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { Section } from '../components/Section';
import { zh } from '../i18n/zh';
import { useProject } from '../state/session';
import { usePageShown } from '../layout/keptPages';
import { useAttempt, useReportError } from '../state/useReportError';
import { useToast } from '../state/useToast';

const t = zh.annex;
const PREVIEW_DELAY_MS = 300;

/** Every annex with data, ticked, in the customary order; those still without data below. */
function initialChoices(list: AnnexList): AnnexChoice[] {
  const ordered = [...list.annexes.filter((a) => a.available), ...list.annexes.filter((a) => !a.available)];
  return ordered.map((a) => ({ kind: a.kind, selected: a.available, paper: a.defaultPaper }));
}

function selections(choices: readonly AnnexChoice[], list: AnnexList | undefined, firstNumber: number, intervals: boolean): AnnexSelection[] {
  const available = new Set(list?.annexes.filter((a) => a.available).map((a) => a.kind));
  return choices
    .filter((c) => c.selected && available.has(c.kind))
    .map((c, i) => ({
      kind: c.kind,
      paper: c.paper,
      ...(i === 0 ? { number: firstNumber } : {}),
      ...(intervals && c.kind === 'forecast' ? { intervals: true } : {}),
    }));
}

interface PreviewRequestProps {
  request: MethodInput<'annex.preview'> & { titlePrefix: string };
  onHtml(html: string | null): void;
  onPreviewing(on: boolean): void;
}

/**
 * Asks for the preview of `request`: built ahead of the page's first visit, asked for at once
 * when shown. A component of its own, rendering nothing, so that the page being shown for the
 * first time re-renders only this.
 */
function PreviewRequest({ request, onHtml, onPreviewing }: PreviewRequestProps) {
  const shown = usePageShown();
  const call = usePageInvoke();
  const reportError = useReportError();
  const previewedPrefix = useRef<string | null>(null);
  /** The request whose preview is shown. */
  const previewed = useRef<string | null>(null);

  useEffect(() => {
    if (request.annexes.length === 0) {
      onHtml(null);
      previewed.current = null;
      return;
    }
    const key = JSON.stringify(request);
    // Built ahead of the visit (below), or nothing asked for has changed.
    if (previewed.current === key) return;
    let current = true;
    const show = (result: { html: string }) => {
      if (!current) return;
      previewed.current = key;
      previewedPrefix.current = request.titlePrefix;
      onHtml(result.html);
    };
    if (!shown) {
      // Built ahead of a visit: printing every annex costs the backend seconds, so it goes
      // annex by annex in the background lane, behind whatever the planner asks meanwhile, as
      // the page's own calls (the build waits for them: a build that ended before the preview
      // was printed left a first visit of over a second). A failure is left for the visit,
      // which asks again and shows it.
      const ahead = new AbortController();
      void (async () => {
        for (const selection of request.annexes) await call('annex.prepare', { ...request, annexes: [selection], preview: true }, ahead.signal);
        show(await call('annex.preview', request, ahead.signal));
      })().catch(() => undefined);
      return () => {
        current = false;
        ahead.abort();
      };
    }
    // Typing in the prefix should not rebuild the preview at every keystroke; the first
    // preview of a visit is asked for at once (the backend keeps it while the data is unchanged).
    const delay = previewedPrefix.current === null || previewedPrefix.current === request.titlePrefix ? 0 : PREVIEW_DELAY_MS;
    previewedPrefix.current = request.titlePrefix;
    const timer = setTimeout(() => {
      onPreviewing(true);
      invoke('annex.preview', request).then(show, (err: unknown) => {
        if (current) reportError(err);
      }).finally(() => {
        if (current) onPreviewing(false);
      });
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request, reportError, shown, call, onHtml, onPreviewing]);

  return null;
}

export function AnnexPage() {
  const { dataVersion } = useProject();
  const message = useToast();
  const attempt = useAttempt();
  const { data: list, error, reload } = useApi('annex.list', {}, [dataVersion]);
  const [choices, setChoices] = useState<AnnexChoice[]>([]);
  const [titlePrefix, setTitlePrefix] = useState<string | null>(null);
  const [firstNumber, setFirstNumber] = useState(1);
  const [intervals, setIntervals] = useState(false);
  /** The plan of the plan annexes (null: the first) and the scenario (null: the plan's own). */
  const [planId, setPlanId] = useState<number | null>(null);
  const [scenario, setScenario] = useState<string | null>(null);
  const [html, setHtml] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState(false);
  const [exporting, setExporting] = useState<AnnexFormat | null>(null);
  const progress = useAnnexExportProgress(list);

  useEffect(() => {
    if (!list) return;
    setChoices(initialChoices(list));
    setTitlePrefix((p) => p ?? list.titlePrefix);
  }, [list]);

  const chosen = useMemo(() => selections(choices, list, firstNumber, intervals), [choices, list, firstNumber, intervals]);
  const prefix = titlePrefix ?? list?.titlePrefix ?? '';
  const plans = list?.plans ?? [];
  const plan = plans.find((p) => p.id === planId) ?? plans[0] ?? null;
  const scenarios = list?.scenarios ?? [];
  const chosenScenario = scenario ?? plan?.scenario ?? (scenarios.includes('中') ? '中' : scenarios[0]) ?? null;
  const request = useMemo(
    () => ({ annexes: chosen, titlePrefix: prefix, ...(plan ? { plan: plan.id } : {}), ...(chosenScenario ? { scenario: chosenScenario } : {}) }),
    [chosen, prefix, plan, chosenScenario],
  );

  async function exportAs(format: AnnexFormat) {
    await attempt(async () => {
      if (hasNativeDialogs()) {
        const path = await nativeDialog('saveFile', {
          title: t.saveTitle,
          defaultPath: `${prefix || ''}规划附件.${format}`,
          filters: [{ name: t.filters[format] ?? format, extensions: [format] }],
        });
        if (!path) return;
        const result = await progress.run(format, request, () => invoke('annex.export', { ...request, format, outPath: path }));
        if (result) void message.success(t.exportedTo(result.path ?? path));
        else void message.info(t.exportCancelled);
      } else {
        const result = await progress.run(format, request, () => invoke('annex.export', { ...request, format }));
        if (!result) {
          void message.info(t.exportCancelled);
          return;
        }
        if (result.base64) downloadBase64(result.fileName, result.base64, MIME[format]);
        void message.success(t.exported(result.fileName));
      }
    }, (on) => setExporting(on ? format : null));
  }

  const hasA3 = chosen.some((c) => c.paper === 'A3 landscape');
  const none = chosen.length === 0;

  return (
    <div className="page annex-page" data-testid="annex-page">
      <ExportProgressModal state={progress.state} onCancel={progress.cancel} />
      <PreviewRequest request={request} onHtml={setHtml} onPreviewing={setPreviewing} />
      <PageHeader
        title={t.title}
        subtitle={t.subtitle}
        extra={
          <Space wrap>
            <Button type="primary" icon={<FilePdfOutlined />} disabled={none} loading={exporting === 'pdf'} onClick={() => void exportAs('pdf')} data-testid="annex-export-pdf">
              {t.exportPdf}
            </Button>
            <Button icon={<FileExcelOutlined />} disabled={none} loading={exporting === 'xlsx'} onClick={() => void exportAs('xlsx')} data-testid="annex-export-xlsx">
              {t.exportXlsx}
            </Button>
            <Button icon={<FileWordOutlined />} disabled={none} loading={exporting === 'docx'} onClick={() => void exportAs('docx')} data-testid="annex-export-docx">
              {t.exportDocx}
            </Button>
          </Space>
        }
      />
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Row gutter={[12, 12]} wrap={false} className="annex-layout">
          <Col flex="440px">
            <Section title={t.choose} extra={<Typography.Text type="secondary">{t.selectedCount(chosen.length)}</Typography.Text>}>
              <Form layout="vertical" size="small" className="annex-form">
                <Form.Item label={t.titlePrefix} extra={t.titlePrefixHelp}>
                  <Input value={prefix} maxLength={40} onChange={(e) => setTitlePrefix(e.target.value)} data-testid="annex-title-prefix" />
                </Form.Item>
                <Form.Item label={t.plan} extra={plan ? t.planHelp : <Typography.Text type="warning" data-testid="annex-no-plan">{t.noPlan}</Typography.Text>}>
                  <Select<number>
                    value={plan?.id}
                    disabled={plans.length === 0}
                    placeholder={t.noPlanShort}
                    onChange={(id) => {
                      setPlanId(id);
                      setScenario(null);
                    }}
                    options={plans.map((p) => ({ value: p.id, label: t.planOption(p.name, p.baseYear + 1, p.targetYear) }))}
                    data-testid="annex-plan"
                  />
                </Form.Item>
                <Form.Item label={t.scenario} extra={t.scenarioHelp}>
                  <Select<string>
                    value={chosenScenario ?? undefined}
                    onChange={setScenario}
                    options={scenarios.map((s) => ({ value: s, label: s }))}
                    data-testid="annex-scenario"
                  />
                </Form.Item>
                <Form.Item label={t.firstNumber} extra={t.firstNumberHelp}>
                  <InputNumber min={1} max={99} precision={0} value={firstNumber} onChange={(v) => setFirstNumber(typeof v === 'number' ? v : 1)} />
                </Form.Item>
                <Form.Item extra={t.intervalsHelp}>
                  <Checkbox checked={intervals} onChange={(e) => setIntervals(e.target.checked)} data-testid="annex-intervals">
                    {t.intervals}
                  </Checkbox>
                </Form.Item>
              </Form>
              {list ? <AnnexPicker items={list.annexes} choices={choices} firstNumber={firstNumber} onChange={setChoices} /> : <Spin />}
            </Section>
          </Col>
          <Col flex="auto" style={{ minWidth: 0 }}>
            <Section title={t.preview} extra={previewing ? <Spin size="small" /> : <Typography.Text type="secondary">{t.previewHint}</Typography.Text>}>
              {none ? <Empty description={t.previewEmpty} /> : html ? <AnnexPreview html={html} hasA3={hasA3} /> : <Spin tip={t.previewing}><div style={{ height: 200 }} /></Spin>}
            </Section>
          </Col>
        </Row>
      )}
    </div>
  );
}
