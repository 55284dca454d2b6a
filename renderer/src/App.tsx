import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button, Flex, Result, Spin } from 'antd';
import type { HomeState, ProjectSummary } from '@shared/api';
import { invoke, type ApiCallError } from './api/client';
import { toApiError } from './api/useApi';
import { hasNativeDialogs, nativeDialog, RECENT_PREFIX, subscribeMenu } from './api/desktop';
import { zh } from './i18n/zh';
import { ProjectContext, SessionContext, type ProjectContextValue, type SessionActions } from './state/session';
import { useAttempt, useReportError } from './state/useReportError';
import { StartPage } from './pages/StartPage';
import { MainLayout } from './layout/MainLayout';
import { OpenProjectModal } from './components/OpenProjectModal';
import { NewProjectModal } from './components/NewProjectModal';
import { measureUntilSettled } from './lib/timing';
import { useToast } from './state/useToast';

export function App() {
  const message = useToast();
  const reportError = useReportError();
  const attempt = useAttempt();
  const [home, setHome] = useState<HomeState | null>(null);
  const [homeError, setHomeError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [openModal, setOpenModal] = useState(false);
  const [newModal, setNewModal] = useState(false);
  const [dataVersion, setDataVersion] = useState(0);

  const loadHome = useCallback(async () => {
    try {
      setHome(await invoke('app.home', {}));
      setHomeError(null);
    } catch (err) {
      setHomeError(toApiError(err));
    }
  }, []);

  useEffect(() => {
    void loadHome();
  }, [loadHome]);

  const current = home?.current ?? null;
  useEffect(() => {
    document.title = current ? `${current.name} - ${zh.app.name}` : zh.app.name;
  }, [current]);

  const opened = useCallback(
    (project: ProjectSummary, note?: string) => {
      setHome((h) => (h ? { ...h, current: project } : h));
      setDataVersion((v) => v + 1);
      void message.success(note ?? zh.header.opened(project.name));
      // The recent list changed on the backend; refresh it quietly.
      void loadHome();
    },
    [loadHome, message],
  );

  /** Runs one project-changing action with a busy overlay; reports failure, returns success. */
  const run = useCallback(
    (label: string, action: () => Promise<void>): Promise<boolean> => attempt(action, (on) => setBusy(on ? label : null)),
    [attempt],
  );

  const openPathOk = useCallback(
    (path: string) => run(zh.start.opening, async () => opened(await invoke('project.open', { path }))),
    [run, opened],
  );

  const actions = useMemo<SessionActions>(
    () => ({
      busy,
      openSample: async () => {
        // How long until the planner sees the sample's first page (pages built ahead must not delay it).
        measureUntilSettled('open');
        await run(zh.start.openingSample, async () => opened(await invoke('project.openSample', {})));
      },
      resetSample: async () => {
        await run(zh.sampleReset.running, async () => opened(await invoke('project.openSample', { reset: true }), zh.sampleReset.done));
      },
      openPath: async (path) => {
        await openPathOk(path);
      },
      promptOpen: () => {
        if (!hasNativeDialogs()) {
          setOpenModal(true);
          return;
        }
        void nativeDialog('openProject', { defaultPath: home?.projectsDir, title: zh.openModal.title }).then(
          (path) => (path ? openPathOk(path) : undefined),
          reportError,
        );
      },
      promptNew: () => setNewModal(true),
      closeProject: async () => {
        await run(zh.header.closeProject, async () => {
          await invoke('project.close', {});
          setHome((h) => (h ? { ...h, current: null } : h));
          void message.info(zh.header.closed);
          void loadHome();
        });
      },
    }),
    [busy, run, opened, openPathOk, home?.projectsDir, reportError, loadHome, message],
  );

  // The desktop menu can fire at any time; read the latest actions through a ref so the
  // subscription is made once.
  const actionsRef = useRef(actions);
  useEffect(() => {
    actionsRef.current = actions;
  }, [actions]);
  useEffect(
    () =>
      subscribeMenu((action) => {
        const a = actionsRef.current;
        if (action === 'open-project') a.promptOpen();
        else if (action === 'new-project') a.promptNew();
        else if (action === 'open-sample') void a.openSample();
        else if (action.startsWith(RECENT_PREFIX)) void a.openPath(action.slice(RECENT_PREFIX.length));
      }),
    [],
  );

  const projectValue = useMemo<ProjectContextValue | null>(
    () =>
      home && current
        ? {
            project: current,
            home,
            dataVersion,
            setProject: (p) => setHome((h) => (h ? { ...h, current: p } : h)),
            replaceProject: (p) => {
              setHome((h) => (h ? { ...h, current: p } : h));
              setDataVersion((v) => v + 1);
            },
          }
        : null,
    [home, current, dataVersion],
  );

  if (!home) {
    return (
      <Flex align="center" justify="center" style={{ height: '100vh' }}>
        {homeError ? (
          <Result
            status="error"
            title={zh.common.loadFailed}
            subTitle={homeError.message}
            extra={
              <Button type="primary" onClick={() => void loadHome()}>
                {zh.common.retry}
              </Button>
            }
          />
        ) : (
          <Spin size="large" />
        )}
      </Flex>
    );
  }

  return (
    <SessionContext.Provider value={actions}>
      {projectValue ? (
        <ProjectContext.Provider value={projectValue}>
          <MainLayout />
        </ProjectContext.Provider>
      ) : (
        <StartPage home={home} />
      )}
      <OpenProjectModal
        open={openModal}
        recent={home.recent}
        onCancel={() => setOpenModal(false)}
        onOpen={async (path) => {
          if (await openPathOk(path)) setOpenModal(false);
        }}
      />
      <NewProjectModal
        open={newModal}
        projectsDir={home.projectsDir}
        onCancel={() => setNewModal(false)}
        onCreated={(project) => {
          setNewModal(false);
          opened(project, zh.newModal.created(project.name));
        }}
      />
      <Spin fullscreen spinning={busy !== null} tip={busy ?? undefined} />
    </SessionContext.Provider>
  );
}
