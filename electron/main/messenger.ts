// Delivers menu commands to the page. A command that arrives before the page has
// subscribed (a .csplan double-clicked to start the app, a reload in progress) waits until
// the preload reports that the page is listening.
import { ipcMain, type WebContents } from 'electron';
import { CHANNELS, type MenuAction } from '../preload/api';
import { isAppUrl } from './policy';

export interface Messenger {
  send(action: MenuAction): void;
}

export function createMessenger(contents: WebContents): Messenger {
  let listening = false;
  const pending: MenuAction[] = [];

  const flush = () => {
    while (listening && pending.length > 0) {
      contents.send(CHANNELS.menu, pending.shift());
    }
  };

  contents.on('did-start-loading', () => {
    listening = false;
  });
  ipcMain.on(CHANNELS.menuReady, (event) => {
    if (event.sender !== contents || !isAppUrl(event.senderFrame?.url)) return;
    listening = true;
    flush();
  });

  return {
    send(action) {
      if (contents.isDestroyed()) return;
      pending.push(action);
      flush();
    },
  };
}
