import { lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { Button, Divider, Dropdown, Flex, Layout, Menu, Space, Spin, Tag, Tooltip, Typography, type MenuProps } from 'antd';
import {
  AppstoreOutlined,
  BankOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  DownOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  LineChartOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { zh } from '../i18n/zh';
import { shownCountyCode } from '../lib/format';
import { pageFromHash, writePageToHash, type PageKey } from '../lib/nav';
import { useProject, useSession } from '../state/session';
import { GuideButton } from '../components/guide/GuideDrawer';
import { measureUntilSettled, whenIdle } from '../lib/timing';
import { KeptPageStack, useKeptPages } from './keptPages';
import { usePrebuiltPages } from './prebuild';

const MENU: { key: PageKey; icon: ReactNode; label: string }[] = [
  { key: 'overview', icon: <DashboardOutlined />, label: zh.nav.overview },
  { key: 'import', icon: <CloudUploadOutlined />, label: zh.nav.import },
  { key: 'schools', icon: <BankOutlined />, label: zh.nav.schools },
  { key: 'population', icon: <TeamOutlined />, label: zh.nav.population },
  { key: 'forecast', icon: <LineChartOutlined />, label: zh.nav.forecast },
  { key: 'plan', icon: <AppstoreOutlined />, label: zh.nav.plan },
  { key: 'map', icon: <EnvironmentOutlined />, label: zh.nav.map },
  { key: 'annex', icon: <FileTextOutlined />, label: zh.nav.annex },
  { key: 'settings', icon: <SettingOutlined />, label: zh.nav.settings },
];

/** The 附件 preview's frames would load their long document again if taken out of the page. */
const FRAMED_PAGES: readonly PageKey[] = ['annex'];

/**
 * Pages built ahead in the menu's order, those holding frames last: 附件 stays staged until its
 * preview's pages are drawn, which takes the longest, and the others should not wait for it.
 */
const PREBUILD_ORDER = [...MENU.filter((m) => !FRAMED_PAGES.includes(m.key)), ...MENU.filter((m) => FRAMED_PAGES.includes(m.key))].map((m) => m.key);

/** The first frame showing the page or its progress, for the measure of what the planner sees. */
const pageOnScreen = (key: PageKey) => () => document.querySelector(`.kept-page-slot > [data-page="${key}"]:not(.kept-page-hidden)`) !== null;

const pageLoads: (() => Promise<unknown>)[] = [];

/**
 * A thenable that calls back at once: React.lazy takes its value without suspending (it reads
 * the result its `then` handed over before deciding to suspend). Typed as a Promise because
 * React's types ask for one; React itself calls only `then`.
 */
function ready<T>(value: T): Promise<T> {
  const thenable: PromiseLike<T> = { then: (fulfilled) => Promise.resolve(fulfilled ? fulfilled(value) : (value as never)) };
  return thenable as Promise<T>;
}

/**
 * A page whose code is fetched when it is first shown, so opening a project does not wait for
 * all eight. Once fetched (fetchPageCode, before the pages are built ahead), the page renders without suspending: a page that
 * suspends shows its fallback and is retried at a priority below the transition building another
 * page ahead, so its first visit waited for that whole page to render.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  let loaded: { default: ComponentType } | null = null;
  // Once: every round of building ahead asks again, and each import() call runs the bundler's
  // preload check over the document.
  let fetching: Promise<{ default: ComponentType }> | null = null;
  const fetch = () => (fetching ??= load().then((module) => (loaded = { default: pick(module) })));
  pageLoads.push(fetch);
  return lazy(() => (loaded ? ready(loaded) : fetch()));
}

/**
 * Every page's code, fetched before the first page is built ahead: a page clicked while another
 * is being built then renders at once instead of suspending (see lazyPage). One page at a time,
 * each when the window is idle: fetched together, their modules were run in one task of up to
 * 150 ms, and a click then waited for it. A page whose code fails to load says so when shown.
 */
async function fetchPageCode(): Promise<void> {
  for (const load of pageLoads) {
    await load().catch(() => undefined);
    await whenIdle();
  }
}

const PAGE_BODY: Record<PageKey, ComponentType> = {
  overview: lazyPage(() => import('../pages/OverviewPage'), (m) => m.OverviewPage),
  schools: lazyPage(() => import('../pages/SchoolsPage'), (m) => m.SchoolsPage),
  population: lazyPage(() => import('../pages/PopulationPage'), (m) => m.PopulationPage),
  settings: lazyPage(() => import('../pages/SettingsPage'), (m) => m.SettingsPage),
  import: lazyPage(() => import('../pages/ImportPage'), (m) => m.ImportPage),
  forecast: lazyPage(() => import('../pages/ForecastPage'), (m) => m.ForecastPage),
  plan: lazyPage(() => import('../pages/PlanPage'), (m) => m.PlanPage),
  annex: lazyPage(() => import('../pages/AnnexPage'), (m) => m.AnnexPage),
  map: lazyPage(() => import('../pages/MapPage'), (m) => m.MapPage),
};

const PAGE_LOADING = (
  <Flex justify="center" style={{ padding: 48 }} data-testid="page-code-loading">
    <Spin />
  </Flex>
);

function ProjectHeader() {
  const { project } = useProject();
  const session = useSession();

  const items: MenuProps['items'] = [
    { key: 'open', label: zh.header.openOther },
    { key: 'new', label: zh.header.newProject },
    { key: 'sample', label: zh.header.openSample },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'open') session.promptOpen();
    else if (key === 'new') session.promptNew();
    else if (key === 'sample') void session.openSample();
  };

  return (
    <Layout.Header className="app-header">
      <Space size={12} align="center" className="app-header-project">
        <Typography.Text strong className="app-header-name" data-testid="project-name">
          {project.name}
        </Typography.Text>
        {shownCountyCode(project.countyCode) ? (
          <Typography.Text type="secondary">{project.countyCode}</Typography.Text>
        ) : null}
        <Divider orientation="vertical" />
        <span className="app-header-fact">
          <Typography.Text type="secondary">{zh.header.system}</Typography.Text>
          <Tag color="blue" variant="outlined">
            {project.schoolSystem}
          </Tag>
        </span>
        <span className="app-header-fact">
          <Typography.Text type="secondary">{zh.header.baseYear}</Typography.Text>
          <Typography.Text data-testid="header-base-year">{zh.header.yearValue(project.baseYear)}</Typography.Text>
          {project.dataYear !== null && project.dataYear !== project.baseYear ? (
            <Tooltip title={zh.header.baseYearHint(project.baseYear, project.dataYear)}>
              <Typography.Text type="warning" data-testid="header-data-year">
                {zh.header.dataUntil(project.dataYear)}
              </Typography.Text>
            </Tooltip>
          ) : null}
        </span>
      </Space>
      <Space size={8}>
        <GuideButton />
        <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
          <Button icon={<SwapOutlined />}>
            {zh.header.switchProject} <DownOutlined />
          </Button>
        </Dropdown>
        <Button onClick={() => void session.closeProject()}>{zh.header.closeProject}</Button>
      </Space>
    </Layout.Header>
  );
}

export function MainLayout() {
  const { dataVersion } = useProject();
  const { page, mounts, visits, staged, show, known, isCurrent, prebuild, unstage, finish, stagedCalls } = useKeptPages(pageFromHash(), dataVersion);
  usePrebuiltPages(PREBUILD_ORDER, { page, file: dataVersion, known, isCurrent, prebuild, unstage, finish, stagedCalls }, fetchPageCode);
  const [collapsed, setCollapsed] = useState(false);

  // When idle: history.replaceState took 4–12 ms of each switch in a profile.
  useEffect(() => {
    let current = true;
    void whenIdle().then(() => current && writePageToHash(page));
    return () => {
      current = false;
    };
  }, [page]);

  return (
    <Layout className="app-shell">
      <Layout.Sider
        width={188}
        collapsedWidth={64}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        className="app-sider"
      >
        <div className="app-brand" title={zh.app.name}>
          <span className="app-brand-mark">{zh.app.mark}</span>
          {collapsed ? null : <span className="app-brand-text">{zh.app.name}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[page]}
          items={MENU.map((m) => ({ key: m.key, icon: m.icon, label: m.label }))}
          onClick={({ key }) => {
            measureUntilSettled(`page:${key}`, pageOnScreen(key as PageKey));
            void show(key as PageKey);
          }}
          data-testid="main-menu"
        />
      </Layout.Sider>
      <Layout className="app-main">
        <ProjectHeader />
        <Layout.Content className="app-content">
          <KeptPageStack page={page} staged={staged} mounts={mounts} visits={visits} bodies={PAGE_BODY} framed={FRAMED_PAGES} fallback={PAGE_LOADING} />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
