// The backend's process with two extra methods that never return, standing for runaway calls
// so the time limit can be tested: `test.block` sleeps in JavaScript; `test.stuckQuery` holds
// the project file's write lock inside a SQLite query that never ends (native code, which
// nothing but killing the process can stop). Only tests start this entry (createWorkerBackend's
// `entry` option); the app has no such methods.
import Database from 'better-sqlite3';
import { serveBackend } from '../../electron/backend/backend-worker';

function blockForever(): never {
  // Sleeps in short slices, so the process holds no CPU yet is stoppable between them.
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 50);
}

function queryForever(file: string): never {
  const db = new Database(file);
  db.exec('BEGIN IMMEDIATE');
  db.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c').get();
  throw new Error('unreachable: the query above never ends');
}

serveBackend((dispatch) => (method, input) => {
  if (method === 'test.block') return blockForever();
  if (method === 'test.stuckQuery') return queryForever((input as { path: string }).path);
  return dispatch(method, input);
});
