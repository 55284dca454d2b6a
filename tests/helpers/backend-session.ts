// A backend in a fresh temp folder for each test (no project open), with a call helper that
// throws the Chinese error of a refused call.
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { tempDir } from './temp';

export interface BackendSession {
  readonly dir: string;
  readonly backend: Backend;
  ok<T>(method: string, input: unknown): Promise<T>;
}

export function backendPerTest(prefix: string): BackendSession {
  let dir = '';
  let backend: Backend | null = null;
  beforeEach(() => {
    dir = tempDir(prefix);
    backend = createBackend({ dataDir: path.join(dir, 'data'), shell: 'browser' });
  });
  afterEach(() => backend?.close());
  const session: BackendSession = {
    get dir() {
      return dir;
    },
    get backend() {
      if (!backend) throw new Error('backend not started');
      return backend;
    },
    async ok<T>(method: string, input: unknown): Promise<T> {
      const res = await session.backend.dispatch(method, input);
      if (!res.ok) throw new Error(`${method} → ${res.error.code}: ${res.error.message}`);
      return res.result as T;
    },
  };
  return session;
}
