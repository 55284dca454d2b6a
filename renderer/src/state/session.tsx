// The open project and the actions that change it. Kept in React state plus two small
// contexts: pages read the current project summary, and any page or menu can open, create
// or close a project through the same actions.
import { createContext, useContext } from 'react';
import type { HomeState, ProjectSummary } from '@shared/api';

export interface ProjectContextValue {
  project: ProjectSummary;
  home: HomeState;
  /** Bumped when the file's contents changed underneath the pages (restore), so they refetch. */
  dataVersion: number;
  /** Replace the summary after an edit that returns the new one (updateMeta). */
  setProject: (project: ProjectSummary) => void;
  /** The project file was replaced (restore): set the summary and make every page refetch. */
  replaceProject: (project: ProjectSummary) => void;
}

export interface SessionActions {
  openSample: () => Promise<void>;
  /** Backs up the sample county's file, re-creates it from the built-in data and opens it. */
  resetSample: () => Promise<void>;
  openPath: (path: string) => Promise<void>;
  /** Native dialog on the desktop, an in-page path prompt in the browser. */
  promptOpen: () => void;
  promptNew: () => void;
  closeProject: () => Promise<void>;
  /** A short Chinese description of the running action, or null when idle. */
  busy: string | null;
}

export const ProjectContext = createContext<ProjectContextValue | null>(null);
export const SessionContext = createContext<SessionActions | null>(null);

export function useProject(): ProjectContextValue {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject() outside an open project');
  return value;
}

export function useSession(): SessionActions {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() outside <App>');
  return value;
}
