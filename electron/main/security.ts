// Guards that apply to every web page the app ever creates, not only the main window: the
// app shows no remote content, so anything leaving the app origin is refused.
import { app, type Session, type WebContents } from 'electron';
import { isAppUrl } from './policy';

const hardened = new WeakSet<Session>();

function hardenSession(ses: Session): void {
  if (hardened.has(ses)) return;
  hardened.add(ses);
  // No camera, geolocation, notifications, clipboard-read, MIDI, HID…: the app needs none.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Saves the page itself starts (an export as a blob link) get Chromium's save dialog;
  // nothing else may download.
  ses.on('will-download', (event, _item, contents) => {
    if (!isAppUrl(contents.getURL())) event.preventDefault();
  });
}

function guardWebContents(contents: WebContents): void {
  hardenSession(contents.session);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call before the first window is created (before 'ready' is fine). */
export function installSecurityGuards(): void {
  // Every renderer sandboxed, whatever a later BrowserWindow forgets to say.
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
