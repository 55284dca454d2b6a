// The three IPC channels. Each checks that the request comes from the app's own page: a
// frame that navigated elsewhere (or was injected) gets nothing. Files the page names must
// also pass the dialog-path rule (path-grants.ts).
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { ApiResponse } from '../../shared/api';
import type { Backend } from '../backend';
import { CHANNELS, PRINT_MAX_CHARS } from '../preload/api';
import { printHtmlWithDialog } from './pdf';
import { PATH_REFUSED_MESSAGE, pathsOf, type PathGrants, type PathRule } from './path-grants';
import { isAppUrl, parseDialogRequest, withExtension, type DialogRequest } from './policy';

const FORBIDDEN_MESSAGE = '拒绝来自未知页面的请求';
const FORBIDDEN = {
  ok: false,
  error: { code: 'FORBIDDEN', message: FORBIDDEN_MESSAGE },
} as const satisfies ApiResponse<never>;
const PATH_REFUSED = {
  ok: false,
  error: { code: 'FORBIDDEN', message: PATH_REFUSED_MESSAGE },
} as const satisfies ApiResponse<never>;
const PROJECT_FILTER = { name: '规划项目文件', extensions: ['csplan'] };
/** Calls after which the recent-files list (and so the menu) may have changed. */
const CHANGES_RECENT = new Set(['project.open', 'project.create', 'project.openSample', 'project.close', 'backups.restore']);

function fromAppPage(event: IpcMainInvokeEvent): boolean {
  return isAppUrl(event.senderFrame?.url);
}

async function showDialog(event: IpcMainInvokeEvent, req: DialogRequest): Promise<string | null> {
  const parent = BrowserWindow.fromWebContents(event.sender);
  const base = { title: req.title, defaultPath: req.defaultPath };
  if (req.kind === 'openProject' || req.kind === 'openFile') {
    const filters = req.kind === 'openProject' ? [PROJECT_FILTER] : (req.filters ?? []);
    const options: OpenDialogOptions = { ...base, filters, properties: ['openFile'] };
    const r = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  }
  const filters = req.kind === 'saveProject' ? [PROJECT_FILTER] : (req.filters ?? []);
  const options: SaveDialogOptions = { ...base, filters, properties: ['showOverwriteConfirmation', 'createDirectory'] };
  const r = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return null;
  return withExtension(r.filePath, filters[0]?.extensions ?? []);
}

export interface IpcDeps {
  /** Paths chosen in this session's dialogs; the dialog channel adds to it. */
  grants: PathGrants;
  /** Where else the page may name files: the data folder and the recent files. */
  paths: PathRule;
  onRecentChanged(): void;
}

export function registerIpc(backend: Backend, { grants, paths, onRecentChanged }: IpcDeps): void {
  ipcMain.handle(CHANNELS.invoke, async (event, method: unknown, input: unknown): Promise<ApiResponse<unknown>> => {
    if (!fromAppPage(event)) return FORBIDDEN;
    if (typeof method !== 'string' || method.length === 0 || method.length > 100) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } };
    }
    if (!(await grants.allow(pathsOf(method, input), paths))) return PATH_REFUSED;
    let response: ApiResponse<unknown>;
    try {
      response = await backend.dispatch(method, input);
    } catch (err) {
      // dispatch() returns errors as data; a throw is a bug, but must not hang the page.
      console.error(`[csp:invoke] ${method}`, err);
      return { ok: false, error: { code: 'INTERNAL', message: '程序内部错误，请重试或联系技术支持。' } };
    }
    if (response.ok && CHANGES_RECENT.has(method)) onRecentChanged();
    return response;
  });

  // Errors here are programming errors in the page, so they reject instead of returning data.
  ipcMain.handle(CHANNELS.dialog, async (event, kind: unknown, options: unknown): Promise<string | null> => {
    if (!fromAppPage(event)) throw new Error(FORBIDDEN_MESSAGE);
    const req = parseDialogRequest(kind, options);
    if (!req) throw new Error('对话框参数不正确');
    const chosen = await showDialog(event, req);
    if (chosen) grants.grant(chosen);
    return chosen;
  });

  ipcMain.handle(CHANNELS.print, async (event, html: unknown): Promise<void> => {
    if (!fromAppPage(event)) throw new Error(FORBIDDEN_MESSAGE);
    if (typeof html !== 'string' || html.length === 0 || html.length > PRINT_MAX_CHARS) throw new Error('打印内容不正确');
    await printHtmlWithDialog(html);
  });
}
