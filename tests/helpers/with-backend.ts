// A fresh backend for each test of a file (vitest hooks), apart from backend.ts because the
// benches import that one under plain tsx, where vitest cannot load.
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createBackend, type Backend, type BackendOptions } from '../../electron/backend';
import { tempDir } from './temp';

export interface BackendPerTest {
  /** This test's temp folder; the backend's data folder is `data` in it. */
  readonly dir: string;
  readonly backend: Backend;
  /** A call's result; a refused call throws its method, code and Chinese message. */
  ok<T>(method: string, input?: unknown): Promise<T>;
  /**
   * Closes the backend (if the test has not) and starts a new one on the same data folder: for
   * a test that closes the project to read or change the file by hand and then opens it again.
   */
  restart(): Backend;
}

/**
 * A new temp folder and a backend on it (no project open) for each test of the file, closed
 * after the test; read them through the accessors, which name the current test's.
 */
export function withBackend(prefix: string, shell: BackendOptions['shell'] = 'browser'): BackendPerTest {
  let dir: string | null = null;
  let current: Backend | null = null;
  const start = (): Backend => (current = createBackend({ dataDir: path.join(session.dir, 'data'), shell }));
  beforeEach(() => {
    dir = tempDir(prefix);
    start();
  });
  afterEach(() => {
    current?.close();
    current = null;
  });
  const session: BackendPerTest = {
    get dir() {
      if (dir === null) throw new Error('withBackend: no test is running');
      return dir;
    },
    get backend() {
      if (!current) throw new Error('withBackend: no test is running');
      return current;
    },
    async ok<T>(method: string, input: unknown = {}): Promise<T> {
      const res = await session.backend.dispatch(method, input);
      if (!res.ok) throw new Error(`${method} → ${res.error.code}: ${res.error.message}`);
      return res.result as T;
    },
    restart() {
      session.backend.close();
      return start();
    },
  };
  return session;
}
