// Runs sandboxed: it is bundled into one CommonJS file and may require only 'electron'.
// It exposes four functions and never ipcRenderer itself, so the page cannot reach any
// channel but these. Arguments are checked here as a first filter; the main process
// validates them again.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, DIALOG_KINDS, PRINT_MAX_CHARS, isMenuAction, type CspApi, type DialogKind, type MenuListener } from './api';

const isDialogKind = (k: unknown): k is DialogKind => DIALOG_KINDS.includes(k as DialogKind);

const api: CspApi = {
  invoke(method, input) {
    if (typeof method !== 'string' || method.length === 0 || method.length > 100) {
      return Promise.reject(new TypeError('method 必须是非空字符串'));
    }
    return ipcRenderer.invoke(CHANNELS.invoke, method, input);
  },

  dialog(kind, options) {
    if (!isDialogKind(kind)) return Promise.reject(new TypeError('未知的对话框类型'));
    if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
      return Promise.reject(new TypeError('对话框参数必须是对象'));
    }
    return ipcRenderer.invoke(CHANNELS.dialog, kind, options) as Promise<string | null>;
  },

  onMenu(listener: MenuListener) {
    if (typeof listener !== 'function') throw new TypeError('onMenu 需要一个函数');
    // The IPC event object is not passed on: its sender would hand the page ipcRenderer.
    const wrapped = (_event: IpcRendererEvent, action: unknown) => {
      if (isMenuAction(action)) listener(action);
    };
    ipcRenderer.on(CHANNELS.menu, wrapped);
    ipcRenderer.send(CHANNELS.menuReady);
    return () => {
      ipcRenderer.removeListener(CHANNELS.menu, wrapped);
    };
  },

  print(html) {
    if (typeof html !== 'string' || html.length === 0 || html.length > PRINT_MAX_CHARS) {
      return Promise.reject(new TypeError('打印内容必须是非空字符串'));
    }
    return ipcRenderer.invoke(CHANNELS.print, html) as Promise<void>;
  },
};

contextBridge.exposeInMainWorld('cspApi', api);
