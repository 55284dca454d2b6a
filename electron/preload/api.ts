// What the preload exposes on window.cspApi, and the IPC channel names behind it. Pure
// types and constants (no 'electron' import) so the main process, the preload bundle and
// the renderer can share them without dragging Electron into the renderer.

export const CHANNELS = {
  invoke: 'csp:invoke',
  dialog: 'csp:dialog',
  menu: 'csp:menu',
  /** Sent by the preload when the page subscribes to the menu: queued commands may flow. */
  menuReady: 'csp:menu-ready',
  print: 'csp:print',
} as const;

/** Largest document the print channel takes (the biggest annex set is a few MB). */
export const PRINT_MAX_CHARS = 64 * 1024 * 1024;

export const DIALOG_KINDS = ['openProject', 'saveProject', 'saveFile', 'openFile'] as const;
export type DialogKind = (typeof DIALOG_KINDS)[number];

export interface FileFilter {
  name: string;
  /** Without the dot: 'xlsx', 'pdf'. */
  extensions: string[];
}

export interface DialogOptions {
  title?: string;
  defaultPath?: string;
  /** Required for 'saveFile' and 'openFile'; ignored for the project dialogs (always *.csplan). */
  filters?: FileFilter[];
}

/**
 * Menu commands the page carries out itself (they need the page's state: unsaved edits,
 * the current route). `recent:<path>` asks the page to open that project file; it is
 * used for the recent-files menu and for a .csplan given on the command line (file
 * association, second instance) alike.
 */
export type MenuAction = 'open-project' | 'new-project' | 'open-sample' | `recent:${string}`;
export const RECENT_PREFIX = 'recent:';

export function isMenuAction(value: unknown): value is MenuAction {
  if (typeof value !== 'string') return false;
  if (value === 'open-project' || value === 'new-project' || value === 'open-sample') return true;
  return value.startsWith(RECENT_PREFIX) && value.length > RECENT_PREFIX.length && value.length <= 4200;
}

export type MenuListener = (action: MenuAction) => void;

export interface CspApi {
  /** One API call; resolves to ApiResponse ({ok:true,result} | {ok:false,error}). */
  invoke(method: string, input: unknown): Promise<unknown>;
  /** A native file dialog; resolves to the chosen path, or null when cancelled. */
  dialog(kind: DialogKind, options?: DialogOptions): Promise<string | null>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenu(listener: MenuListener): () => void;
  /** Opens the system print dialog for an HTML document; resolves once it is closed. */
  print(html: string): Promise<void>;
}
