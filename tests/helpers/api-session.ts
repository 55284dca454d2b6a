// A backend per test in a fresh temp folder, with calls that throw on refusal (`ok`) or
// return the refusal (`refused`), for integration tests that drive the API.
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { ApiError } from '../../shared/api';
import { tempDir } from './temp';

export interface ApiSession {
  readonly dir: string;
  readonly backend: Backend;
  ok<T>(method: string, input: unknown): Promise<T>;
  refused(method: string, input: unknown): Promise<ApiError>;
}

export function apiSession(prefix: string, shell: 'browser' | 'cli' = 'browser'): ApiSession {
  let dir = '';
  let backend: Backend | null = null;
  beforeEach(() => {
    dir = tempDir(prefix);
    backend = createBackend({ dataDir: path.join(dir, 'data'), shell });
  });
  afterEach(() => backend?.close());
  const current = () => {
    if (!backend) throw new Error('no backend outside a test');
    return backend;
  };
  return {
    get dir() {
      return dir;
    },
    get backend() {
      return current();
    },
    async ok<T>(method: string, input: unknown) {
      const res = await current().dispatch(method, input);
      if (!res.ok) throw new Error(`${method} → ${res.error.code}: ${res.error.message}`);
      return res.result as T;
    },
    async refused(method: string, input: unknown) {
      const res = await current().dispatch(method, input);
      if (res.ok) throw new Error(`${method} should have been refused`);
      return res.error;
    },
  };
}
