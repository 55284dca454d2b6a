// 布局图: the county's schools, townships, villages and service-distance rings for a plan and a
// year, with the coverage beside it. A click on a school opens its drawer; in placing mode a
// click starts a 新建 project at that site (the plan's project form, then geo.setProjectSite),
// and the coverage follows. In drawing mode (划片) a click on a village assigns it to the
// selected school for the stage shown; both are plan edits, taken back by the plan's undo.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, AutoComplete, Button, Checkbox, Empty, Flex, Segmented, Select, Slider, Space, Spin, Switch, Typography } from 'antd';
import { AimOutlined, CloudUploadOutlined, EditOutlined, PictureOutlined, UndoOutlined } from '@ant-design/icons';
import { STAGE_LABEL } from '@shared/domain';
import { pointInPolygon } from '@shared/geo/geometry';
import { COVERAGE_STAGES } from '@shared/geo/model';
import { drawingFromGeo, emptyDrawing, MAP_LAYER_LABEL, MAP_LAYERS, withProposals, type LonLat, type MapLayer, type MapStage } from '@shared/map';
import { PROJECT_TYPE, type EvaluationContext, type PlanDetail, type PlanSummary, type ProjectFields, type ProjectInput } from '@shared/plan';
import { invoke } from '../api/client';
import { useApi } from '../api/useApi';
import { LoadError, PageLoading } from '../components/LoadState';
import { PageHeader } from '../components/PageHeader';
import { SchoolDrawer } from '../components/SchoolDrawer';
import { Section } from '../components/Section';
import { CoveragePanel } from '../components/map/CoveragePanel';
import { GeoImportModal } from '../components/map/GeoImportModal';
import { MapCanvas, type MapClick } from '../components/map/MapCanvas';
import { exportMapPng } from '../components/map/exportPng';
import { useMapData } from '../components/map/useMapData';
import { ProjectModal } from '../components/plan/ProjectModal';
import { setOptimiseResult, useOptimiseResult } from '../state/optimiseResult';
import { useProject } from '../state/session';
import { tableDate } from '@shared/annex/catalog';
import { zh } from '../i18n/zh';
import { useAttempt } from '../state/useReportError';
import '../components/map/map.css';
import { useToast } from '../state/useToast';

const t = zh.map;
const DEFAULT_LAYERS: MapLayer[] = MAP_LAYERS.filter((l) => l !== 'catchments');
const MAP_HEIGHT = 640;

interface Placing {
  at: LonLat;
  township: string;
  plan: PlanDetail;
  context: EvaluationContext;
}

export function MapPage() {
  const plans = useApi('plan.list', {}, []);
  if (plans.error) return <LoadError error={plans.error} />;
  if (!plans.data) return <PageLoading />;
  return <MapView plans={plans.data} />;
}

function MapView({ plans }: { plans: PlanSummary[] }) {
  const d = useMapData(plans);
  const { project, setProject } = useProject();
  const message = useToast();
  const [importing, setImporting] = useState(false);
  const attempt = useAttempt();
  const [stage, setStage] = useState<MapStage>('primary');
  const [layers, setLayers] = useState<MapLayer[]>(DEFAULT_LAYERS);
  const [selected, setSelected] = useState<string | null>(null);
  const [drawer, setDrawer] = useState<string | null>(null);
  const [focus, setFocus] = useState<{ at: LonLat } | null>(null);
  const [placingMode, setPlacingMode] = useState(false);
  const [placing, setPlacing] = useState<Placing | null>(null);
  const [drawMode, setDrawMode] = useState(false);
  const [search, setSearch] = useState('');

  const opened = useOptimiseResult(project.path);
  const proposal = opened && opened.planId === d.planId ? opened.result : null;
  const [showProposal, setShowProposal] = useState(true);
  const drawing = useMemo(() => {
    const base = d.map ? drawingFromGeo(d.map, stage) : emptyDrawing();
    if (!proposal || !showProposal) return base;
    return withProposals(base, proposal.projects.filter((p) => stage === 'all' || p.stage === stage));
  }, [d.map, stage, proposal, showProposal]);
  const layerSet = useMemo(() => new Set(layers), [layers]);

  useEffect(() => {
    if (!placingMode && !drawMode) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setPlacingMode(false);
      setDrawMode(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [placingMode, drawMode]);

  const selectedSchool = useMemo(() => (selected ? (d.map?.schools.find((s) => s.code === selected) ?? null) : null), [selected, d.map]);
  const drawStage = stage === 'all' ? null : stage;
  const canDraw = d.planId !== null && selectedSchool !== null && drawStage !== null && selectedSchool.stages.includes(drawStage);

  const toggleDraw = () => {
    if (!drawMode) setLayers((l) => (l.includes('catchments') ? l : [...l, 'catchments']));
    setDrawMode((on) => !on);
  };

  const drawVillage = useCallback(
    (villageId: string) => {
      const planId = d.planId;
      if (planId === null || !selectedSchool || drawStage === null || !d.map) return;
      const village = d.map.villages.find((v) => v.id === villageId);
      const mine = d.map.catchments.some((c) => c.village === villageId && c.stage === drawStage && c.manual && c.school === selectedSchool.code);
      void attempt(async () => {
        await invoke('geo.assignVillages', { plan: planId, stage: drawStage, villages: [villageId], school: mine ? null : selectedSchool.code });
        d.reload();
        void message.success(mine ? t.undrawn(village?.name ?? villageId) : t.drawn(village?.name ?? villageId, selectedSchool.name));
      });
    },
    [d, selectedSchool, drawStage, attempt, message],
  );

  /** A box dragged in 划片: every village inside not yet drawn to the school goes to it, as one plan edit. */
  const drawBox = useCallback(
    (villageIds: string[]) => {
      const planId = d.planId;
      if (planId === null || !selectedSchool || drawStage === null || !d.map) return;
      const mine = new Set(d.map.catchments.filter((c) => c.stage === drawStage && c.manual && c.school === selectedSchool.code).map((c) => c.village));
      const villages = villageIds.filter((id) => !mine.has(id));
      if (villages.length === 0) {
        void message.info(t.boxEmpty);
        return;
      }
      void attempt(async () => {
        await invoke('geo.assignVillages', { plan: planId, stage: drawStage, villages, school: selectedSchool.code });
        d.reload();
        void message.success(t.drawnMany(villages.length, selectedSchool.name));
      });
    },
    [d, selectedSchool, drawStage, attempt, message],
  );

  const undo = () => {
    const planId = d.planId;
    if (planId === null) return;
    void attempt(async () => {
      const before = await invoke('plan.get', { plan: planId });
      if (!before.history.undo) {
        void message.info(t.nothingToUndo);
        return;
      }
      await invoke('plan.undo', { plan: planId });
      d.reload();
      void message.success(t.undone(before.history.undo));
    });
  };

  const onMapClick = useCallback(
    ({ at, hit }: MapClick) => {
      if (placingMode) {
        const township = d.map?.townships.find((x) => x.boundary && pointInPolygon([at[0], at[1]], x.boundary.geometry));
        if (!township) {
          void message.warning(t.placeOutside);
          return;
        }
        setPlacingMode(false);
        void attempt(async () => {
          const editing = await d.editing();
          if (editing) setPlacing({ at, township: township.code, ...editing });
        });
        return;
      }
      if (drawMode) {
        if (hit?.kind === 'village') drawVillage(hit.id);
        else if (hit?.kind === 'school') setSelected(hit.id);
        return;
      }
      if (hit?.kind === 'school') {
        setSelected(hit.id);
        if (!hit.id.startsWith('new:') && !hit.id.startsWith('opt:')) setDrawer(hit.id);
      } else if (hit?.kind === 'village') {
        const v = drawing.villages.find((x) => x.id === hit.id);
        if (v) void message.info(t.village(v.name, v.children ?? 0));
      } else setSelected(null);
    },
    [placingMode, drawMode, drawVillage, d, message, attempt, drawing.villages],
  );

  const initial = useMemo<Partial<ProjectFields> | undefined>(
    () => (placing ? { type: '新建', township: placing.township, note: t.siteNote(placing.at[0].toFixed(5), placing.at[1].toFixed(5)) } : undefined),
    [placing],
  );

  const save = async (input: ProjectInput): Promise<boolean> => {
    if (!placing || d.planId === null) return false;
    const planId = d.planId;
    const site = placing.at;
    const before = new Set(placing.plan.projects.map((p) => p.id));
    return attempt(async () => {
      const plan = await invoke('plan.addProjects', { plan: planId, projects: [input] });
      const created = plan.projects.find((p) => !before.has(p.id));
      if (created && (PROJECT_TYPE[created.type].createsSchool || created.type === '迁建')) {
        await invoke('geo.setProjectSite', { plan: planId, project: created.id, position: [site[0], site[1]] });
      }
      d.reload();
      void message.success(t.placed(input.name));
    });
  };

  const searchOptions = useMemo(() => {
    const q = search.trim();
    if (!q || !d.map) return [];
    return d.map.schools
      .filter((s) => s.position && s.name.includes(q))
      .slice(0, 20)
      .map((s) => ({ value: s.code, label: s.name }));
  }, [search, d.map]);

  const onSearchSelect = (code: string) => {
    const school = d.map?.schools.find((s) => s.code === code);
    if (!school?.position) return;
    setSearch(school.name);
    setSelected(code);
    setFocus({ at: school.position });
    if (!school.stages.some((s) => stage === 'all' || s === stage)) setStage('all');
    if (!code.startsWith('new:')) setDrawer(code);
  };

  const geoImported = () => {
    d.reload();
    void attempt(async () => {
      const home = await invoke('app.home', {});
      if (home.current) setProject(home.current);
    });
  };
  const importButton = (testId: string) => (
    <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)} data-testid={testId}>
      {t.importGeo.button}
    </Button>
  );

  if (d.error && !d.map) return <LoadError error={d.error} />;
  const years = d.map?.years ?? [];
  const year = d.map?.year;
  const nothing = d.map && !drawing.county && drawing.townships.length === 0 && drawing.schools.length === 0;

  return (
    <div className="page" data-testid="map-page">
      <PageHeader title={t.title} subtitle={t.subtitle} extra={importButton('map-import-geo')} />
      <Flex className="map-toolbar" gap={16} wrap align="center">
        <Space size={6}>
          <Typography.Text type="secondary">{t.plan}</Typography.Text>
          {d.plans.length > 0 ? (
            <Select
              style={{ width: 140 }}
              value={d.planId ?? undefined}
              options={d.plans.map((p) => ({ value: p.id, label: p.name }))}
              onChange={(id: number) => d.setPlanId(id)}
              data-testid="map-plan"
            />
          ) : (
            <Typography.Text type="secondary">{t.noPlan}</Typography.Text>
          )}
        </Space>
        <Space size={6}>
          <Typography.Text type="secondary">{t.stage}</Typography.Text>
          <Segmented<MapStage>
            value={stage}
            onChange={setStage}
            options={[...COVERAGE_STAGES.map((s) => ({ value: s as MapStage, label: STAGE_LABEL[s] })), { value: 'all' as MapStage, label: t.allStages }]}
            data-testid="map-stage"
          />
        </Space>
        {years.length > 1 && year !== undefined ? (
          <Space size={6}>
            <Typography.Text type="secondary">{t.year}</Typography.Text>
            <Slider
              className="map-year"
              min={years[0]}
              max={years[years.length - 1]}
              defaultValue={year}
              marks={{ [years[0] ?? 0]: String(years[0]), [years[years.length - 1] ?? 0]: String(years[years.length - 1]) }}
              onChangeComplete={(v: number) => d.setYear(v)}
              tooltip={{ formatter: (v) => zh.common.year(v ?? '') }}
              data-testid="map-year"
            />
            <Typography.Text strong data-testid="map-year-value">
              {zh.common.year(year)}
            </Typography.Text>
          </Space>
        ) : null}
        <AutoComplete
          style={{ width: 220 }}
          value={search}
          options={searchOptions}
          onSearch={setSearch}
          onChange={setSearch}
          onSelect={onSearchSelect}
          placeholder={t.search}
          allowClear
          data-testid="map-search"
        />
        <Button
          icon={<AimOutlined />}
          type={placingMode ? 'primary' : 'default'}
          disabled={d.planId === null}
          title={d.planId === null ? t.placeNeedsPlan : undefined}
          onClick={() => setPlacingMode((on) => !on)}
          data-testid="map-place"
        >
          {t.place}
        </Button>
        <Button
          icon={<EditOutlined />}
          type={drawMode ? 'primary' : 'default'}
          disabled={!canDraw && !drawMode}
          title={canDraw || drawMode ? undefined : t.drawNeeds}
          onClick={toggleDraw}
          data-testid="map-draw"
        >
          {t.draw}
        </Button>
        <Button icon={<UndoOutlined />} disabled={d.planId === null} onClick={undo} data-testid="map-undo">
          {t.undo}
        </Button>
        <Button
          icon={<PictureOutlined />}
          disabled={!d.map}
          onClick={() => {
            const now = new Date();
            const stageName = stage === 'all' ? '' : STAGE_LABEL[stage];
            const title = t.pngTitle(project.name, stageName, d.map?.year ?? 0);
            void attempt(() => exportMapPng(drawing, layerSet, title, tableDate(now.getFullYear(), now.getMonth() + 1, now.getDate()), `${title}.png`));
          }}
          data-testid="map-png"
        >
          {t.png}
        </Button>
      </Flex>
      <Flex className="map-toolbar" gap={8} align="center" wrap>
        <Typography.Text type="secondary">{t.layers}</Typography.Text>
        <Checkbox.Group
          value={layers}
          onChange={(v) => setLayers(v as MapLayer[])}
          options={MAP_LAYERS.map((l) => ({ value: l, label: MAP_LAYER_LABEL[l] }))}
          data-testid="map-layers"
        />
        {d.loading ? <Spin size="small" /> : null}
      </Flex>
      {proposal ? (
        <Alert
          type="info"
          showIcon
          className="map-proposal"
          data-testid="map-proposal"
          title={t.proposal(STAGE_LABEL[proposal.stage], proposal.projects.length, proposal.cost)}
          action={
            <Space>
              <Switch checked={showProposal} onChange={setShowProposal} checkedChildren={t.proposalShown} unCheckedChildren={t.proposalHidden} data-testid="map-proposal-toggle" />
              <Button size="small" onClick={() => setOptimiseResult(null)}>
                {t.proposalClose}
              </Button>
            </Space>
          }
          style={{ marginBottom: 8 }}
        />
      ) : null}
      <div className="map-layout">
        <div className="map-main">
          <Section title={`${t.title}${year ? `（${zh.common.year(year)}）` : ''}`}>
            {nothing ? (
              <Empty description={t.empty}>{importButton('map-empty-import-geo')}</Empty>
            ) : (
              <div className="map-stack">
                <MapCanvas drawing={drawing} layers={layerSet} selected={selected} focus={focus} crosshair={placingMode || drawMode} onClick={onMapClick} onBoxSelect={drawMode ? drawBox : undefined} height={MAP_HEIGHT} />
                {/* Over the map, not above it: entering placing mode must not move what the planner aims at. */}
                {placingMode ? <Alert type="info" showIcon title={t.placing} className="map-placing-hint" data-testid="map-placing" /> : null}
                {drawMode && selectedSchool && drawStage ? (
                  <Alert type="info" showIcon title={t.drawing(selectedSchool.name, STAGE_LABEL[drawStage])} className="map-placing-hint" data-testid="map-drawing" />
                ) : null}
              </div>
            )}
            {selectedSchool ? (
              <Typography.Paragraph className="map-note" data-testid="map-selected">
                {t.selectedSchool(
                  selectedSchool.name,
                  selectedSchool.students,
                  selectedSchool.seats,
                  selectedSchool.utilisation === null ? '—' : `${(selectedSchool.utilisation * 100).toFixed(1)}%`,
                )}
              </Typography.Paragraph>
            ) : null}
            {d.map?.notes.length ? (
              <Typography.Paragraph type="secondary" className="map-note" data-testid="map-notes">
                {d.map.notes.join(' ')}
              </Typography.Paragraph>
            ) : null}
          </Section>
        </div>
        <div className="map-side">
          {d.coverage ? <CoveragePanel coverage={d.coverage} stage={stage === 'all' ? 'primary' : stage} onBy={d.setCoverageBy} shownNotes={d.map?.notes} /> : <Spin />}
        </div>
      </div>
      <SchoolDrawer code={drawer} onClose={() => setDrawer(null)} />
      <GeoImportModal open={importing} onClose={() => setImporting(false)} onImported={geoImported} />
      {placing ? (
        <ProjectModal
          open
          project={null}
          plan={placing.plan}
          context={placing.context}
          initial={initial}
          onClose={() => setPlacing(null)}
          onSave={(input) => save(input)}
        />
      ) : null}
    </div>
  );
}
