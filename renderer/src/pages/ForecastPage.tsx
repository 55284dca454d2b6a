// 预测: school-age population and students by stage, township and school, 15 years ahead,
// under named scenarios (低/中/高 and the planner's own), with the backtest beside every
// projection and a scenario editor that recomputes as it is moved.
import { useCallback, useMemo, useState } from 'react';
import { Alert, Empty, Tabs, Tag } from 'antd';
import { invoke } from '../api/client';
import { useApi } from '../api/useApi';
import type { CalibrationSummary } from '@shared/projection';
import { zh } from '../i18n/zh';
import { LoadError, PageLoading } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { useAttempt } from '../state/useReportError';
import { BacktestPanel } from '../components/forecast/BacktestPanel';
import { CountyPanel } from '../components/forecast/CountyPanel';
import { downloadBase64, MIME } from '../lib/download';
import { PopulationPanel } from '../components/forecast/PopulationPanel';
import { ScenarioEditor } from '../components/forecast/ScenarioEditor';
import { SchoolPanel } from '../components/forecast/SchoolPanel';
import { TownshipPanel } from '../components/forecast/TownshipPanel';
import { RESULT_ATTRIBUTE, useForecast } from '../components/forecast/useForecast';
import '../components/forecast/forecast.css';
import { ForecastControls } from '../components/forecast/ForecastControls';
import { ForecastFindings } from '../components/forecast/ForecastFindings';
import { useToast } from '../state/useToast';

const t = zh.forecast;
const HEADLINE_STAGES = ['preschool', 'primary', 'junior', 'senior'] as const;

export function ForecastPage() {
  const f = useForecast();
  const message = useToast();
  const attempt = useAttempt();
  const [editorOpen, setEditorOpen] = useState(true);
  const [tab, setTab] = useState('county');
  const [exporting, setExporting] = useState(false);
  const [btYear, setBtYear] = useState<number | null>(null);
  const btBase = btYear ?? f.setup?.backtestBaseYear ?? null;
  const backtest = useApi(
    'projection.backtest',
    { ...(btBase !== null ? { baseYear: btBase } : {}), ...(f.scenario ? { scenario: f.scenario } : {}) },
    [btBase, f.scenario, f.setup],
  );
  const bt = btBase !== null ? backtest.data : undefined;
  // Every answer brings a new calibration object with the same figures (it follows the
  // history, not the edits): kept as long as its figures are, the editor is not rendered again.
  const calibrationText = f.result ? JSON.stringify(f.result.calibration) : null;
  const calibration = useMemo(() => (calibrationText === null ? undefined : (JSON.parse(calibrationText) as CalibrationSummary)), [calibrationText]);
  const { setDraft, selectScenario, reloadSetup } = f;
  const discard = useCallback(() => setDraft(null), [setDraft]);
  const toggleEditor = useCallback(() => setEditorOpen((o) => !o), []);
  const scenarioNames = useMemo(() => f.setup?.scenarios.map((s) => s.name) ?? [], [f.setup]);
  // What an export asks for: the figures on screen. Stable while they are (a slider's answer
  // keeps the base year, horizon and draft it was asked with), so the header is not rendered.
  const { scenario, draft } = f;
  const shownBase = f.result?.baseYear;
  const shownHorizon = f.result?.horizon;
  const exportXlsx = useCallback(
    () =>
      void attempt(async () => {
        const out = await invoke('projection.exportXlsx', {
          scenario: scenario ?? undefined,
          baseYear: shownBase,
          horizon: shownHorizon,
          ...(draft ? { params: draft } : {}),
        });
        downloadBase64(out.fileName, out.base64, MIME.xlsx);
        void message.success(t.exported(out.fileName));
        for (const line of out.truncated) void message.warning(line, 8);
      }, setExporting),
    [attempt, message, scenario, shownBase, shownHorizon, draft],
  );
  const stored = useCallback(
    (select?: string) => {
      if (select) selectScenario(select);
      reloadSetup();
    },
    [selectScenario, reloadSetup],
  );

  if (f.setupError && !f.setup) return <LoadError error={f.setupError} onRetry={f.reloadSetup} />;
  if (!f.setup) return <PageLoading />;
  if (f.setup.baseYear === null) {
    return (
      <div className="page" data-testid="forecast-page">
        <PageHeader title={t.title} />
        <Empty className="chart-empty" description={t.noData} />
      </div>
    );
  }
  if (f.error && !f.result) return <LoadError error={f.error} onRetry={f.rerun} />;
  const r = f.result;
  if (!r || !f.params || f.scenario === null) return <PageLoading />;

  const setup = f.setup;
  const years = setup.enrolmentYears;
  // The furthest horizon is a fixed number of years after whichever base year is chosen.
  const span = (setup.maxHorizon ?? r.horizon) - (setup.baseYear ?? r.baseYear);
  const peaks = r.peaks.filter((p) => (HEADLINE_STAGES as readonly string[]).includes(p.stage));

  return (
    <div className="page" data-testid="forecast-page" {...{ [RESULT_ATTRIBUTE]: f.answered }}>
      <PageHeader
        title={t.title}
        subtitle={
          <span>
            {t.subtitle(r.baseYear, r.horizon, r.schoolSystem)}
            {f.pending ? <Tag className="inline-tag" color="processing">{t.recomputing}</Tag> : null}
          </span>
        }
        extra={
          <ForecastControls
            scenarios={scenarioNames}
            scenario={f.scenario}
            onScenario={f.selectScenario}
            years={years}
            baseYear={f.baseYear ?? r.baseYear}
            onBaseYear={f.setBaseYear}
            span={span}
            horizonFrom={r.baseYear}
            horizon={r.horizon}
            onHorizon={f.setHorizon}
            exporting={exporting}
            onExport={exportXlsx}
            editorOpen={editorOpen}
            onToggleEditor={toggleEditor}
          />
        }
      />
      {f.error ? <Alert type="error" showIcon closable title={f.error.message} /> : null}

      <div className={`forecast-layout${editorOpen ? '' : ' editor-hidden'}`}>
        <div className="forecast-main">
          <ForecastFindings peaks={peaks} flags={r.flags} />
          <Tabs
            className="forecast-tabs"
            activeKey={tab}
            onChange={setTab}
            data-testid="forecast-tabs"
            items={[
              { key: 'county', label: t.tabs.county, children: <CountyPanel result={r} backtest={bt} /> },
              { key: 'townships', label: t.tabs.townships, children: <TownshipPanel result={r} backtest={bt} /> },
              { key: 'schools', label: t.tabs.schools, children: <SchoolPanel result={r} backtest={bt} /> },
              { key: 'population', label: t.tabs.population, children: <PopulationPanel result={r} /> },
              {
                key: 'backtest',
                label: t.tabs.backtest,
                children: <BacktestPanel backtest={bt} error={backtest.error} years={years} baseYear={btBase} onBaseYear={setBtYear} />,
              },
            ]}
            destroyOnHidden
          />
        </div>
        {editorOpen ? (
          <aside className="forecast-side">
            <ScenarioEditor
              key={f.scenario}
              setup={setup}
              scenario={f.scenario}
              params={f.params}
              modified={f.draft !== null}
              calibration={calibration}
              baseYear={r.baseYear}
              onChange={setDraft}
              onDiscard={discard}
              onStored={stored}
            />
          </aside>
        ) : null}
      </div>
    </div>
  );
}
