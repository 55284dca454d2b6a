// The backend worker with one extra method, `test.block`, that never returns: it stands for a
// runaway call, so the worker's time limit can be tested. Only tests start this entry
// (createWorkerBackend's `entry` option); the app has no such method.
import { serveBackend } from '../../electron/backend/backend-worker';

function blockForever(): never {
  // Sleeps in short slices, so the thread holds no CPU yet is stoppable between them.
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 50);
}

serveBackend((dispatch) => (method, input) => (method === 'test.block' ? blockForever() : dispatch(method, input)));
