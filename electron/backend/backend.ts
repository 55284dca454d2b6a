import type { ApiResponse } from '../../shared/api';

export interface BackendOptions {
  /** Folder for recent files, the sample county and new projects. */
  dataDir: string;
  shell: 'electron' | 'browser' | 'cli';
}

export interface Backend {
  readonly dataDir: string;
  /** Validates the method and its input, runs it, and returns errors as data. */
  dispatch(method: string, input: unknown): Promise<ApiResponse<unknown>>;
  /** Closes the open project (releasing its lock). */
  close(): void;
}

export declare function createBackend(options: BackendOptions): Backend;
