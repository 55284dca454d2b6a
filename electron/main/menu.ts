// The native Chinese menu. Commands that depend on the page's state are sent to the page
// (csp:menu); window and edit commands use Electron's roles.
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { RecentFile } from '../../shared/api';
import { RECENT_PREFIX, type MenuAction } from '../preload/api';
import { APP_TITLE } from './window';

export interface MenuDeps {
  send(action: MenuAction): void;
  recent(): Promise<RecentFile[]>;
}

const MAX_RECENT = 10;

function recentItems(deps: MenuDeps, recent: RecentFile[]): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: '（无）', enabled: false }];
  return recent.slice(0, MAX_RECENT).map((f) => ({
    label: `${f.name}  —  ${f.path}`,
    enabled: f.exists,
    click: () => deps.send(`${RECENT_PREFIX}${f.path}`),
  }));
}

async function showAbout(): Promise<void> {
  const parent = BrowserWindow.getFocusedWindow();
  const options = {
    type: 'info' as const,
    title: '关于',
    message: APP_TITLE,
    detail: `版本 ${app.getVersion()}\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome}`,
    buttons: ['确定'],
  };
  await (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options));
}

function template(deps: MenuDeps, recent: RecentFile[]): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: '重新加载' },
    { type: 'separator' },
    { role: 'resetZoom', label: '实际大小' },
    { role: 'zoomIn', label: '放大' },
    { role: 'zoomOut', label: '缩小' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: '全屏' },
  ];
  if (!app.isPackaged) view.push({ type: 'separator' }, { role: 'toggleDevTools', label: '开发者工具' });
  return [
    {
      label: '文件(&F)',
      submenu: [
        { label: '打开项目…', accelerator: 'CmdOrCtrl+O', click: () => deps.send('open-project') },
        { label: '新建项目…', accelerator: 'CmdOrCtrl+N', click: () => deps.send('new-project') },
        { label: '打开示例县', click: () => deps.send('open-sample') },
        { label: '最近打开', submenu: recentItems(deps, recent) },
        { type: 'separator' },
        { role: 'quit', label: '退出', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    { label: '视图(&V)', submenu: view },
    { label: '帮助(&H)', submenu: [{ label: '关于', click: () => void showAbout() }] },
  ];
}

/** Builds (or rebuilds, when the recent list changed) the application menu. */
export async function refreshMenu(deps: MenuDeps): Promise<void> {
  let recent: RecentFile[] = [];
  try {
    recent = await deps.recent();
  } catch {
    // The menu must appear even if the recent list cannot be read.
  }
  Menu.setApplicationMenu(Menu.buildFromTemplate(template(deps, recent)));
}
