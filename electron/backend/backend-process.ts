// How the backend's own process is started and spoken to. A process, not a thread: a query
// stuck inside SQLite cannot be interrupted from JavaScript, and a thread cannot be stopped
// while it runs native code, but a process can always be killed — and its file locks go with it.
// Node's fork serves the loopback host, the CLI's tests and the tests; the Electron main
// process passes its own spawner (utilityProcess, because the shipped binary's runAsNode
// fuse is off, which disables child_process.fork there).
import { fork, type ChildProcess } from 'node:child_process';
import type { FromWorker, ToWorker } from './worker-messages';

export interface BackendChannel {
  send(message: ToWorker): void;
  onMessage(listener: (message: FromWorker) => void): void;
  /** Called once when the process has ended, for whatever reason. */
  onExit(listener: () => void): void;
  /** Ends the process at once, mid-query if need be. */
  kill(): void;
  /** Whether an idle backend may keep the caller alive (Node only; the desktop app ignores it). */
  hold(busy: boolean): void;
}

export type SpawnBackend = (entry: string) => BackendChannel;

export const forkBackend: SpawnBackend = (entry) => {
  const child: ChildProcess = fork(entry, [], {
    // Loader flags of the parent (tsx, vitest) are not wanted: the entry sets up its own.
    execArgv: [],
    // Structured clone, so printed PDFs travel as bytes rather than as JSON arrays.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited = false;
  const exitListeners: (() => void)[] = [];
  const ended = () => {
    if (exited) return;
    exited = true;
    for (const l of exitListeners) l();
  };
  child.on('exit', ended);
  child.on('error', (err) => {
    console.error('[csp:backend-process]', err);
    child.kill('SIGKILL');
    ended();
  });
  return {
    send: (message) => {
      if (!exited && child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (m) => listener(m as FromWorker)),
    onExit: (listener) => exitListeners.push(listener),
    kill: () => {
      if (!exited) child.kill('SIGKILL');
    },
    hold: (busy) => {
      if (busy) {
        child.ref();
        child.channel?.ref();
      } else {
        child.unref();
        child.channel?.unref();
      }
    },
  };
};
