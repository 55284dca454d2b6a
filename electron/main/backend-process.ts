// The backend's process in the desktop app: Electron's utility process. child_process.fork
// would start the Electron binary as Node, which the runAsNode fuse (electron-builder.yml)
// forbids in the shipped app.
import { utilityProcess } from 'electron';
import type { SpawnBackend } from '../backend/backend-process';
import type { FromWorker } from '../backend/worker-messages';

export const utilityBackend: SpawnBackend = (entry) => {
  const child = utilityProcess.fork(entry, [], { serviceName: '县域学校布局规划后台', stdio: 'inherit' });
  let exited = false;
  const exitListeners: (() => void)[] = [];
  child.on('exit', () => {
    exited = true;
    for (const l of exitListeners) l();
  });
  return {
    send: (message) => {
      if (!exited) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', (m: unknown) => listener(m as FromWorker)),
    onExit: (listener) => exitListeners.push(listener),
    kill: () => {
      if (!exited) child.kill();
    },
    // The app's life is its windows', not its event loop's.
    hold: () => undefined,
  };
};
