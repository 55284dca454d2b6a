// The renderer's one API client. In the desktop app the preload script exposes
// window.cspApi.invoke over IPC; in the browser (loopback host) the same calls go over
// HTTP with the per-start token taken from the address (#t=…). Pages never know which.
import type { ApiResponse, MethodInput, MethodName, MethodResult } from '@shared/api';
import { tracked } from '../lib/timing';

declare global {
  interface Window {
    cspApi?: { invoke(method: string, input: unknown): Promise<unknown> };
  }
}

export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

let token: string | null = null;

/** Read once per page load: the address keeps it, and every call asking storage again cost time. */
function hostToken(): string {
  if (token !== null) return token;
  const fromHash = new URLSearchParams(window.location.hash.replace(/^#/, '')).get('t');
  if (fromHash) sessionStorage.setItem('csp-token', fromHash);
  token = fromHash ?? sessionStorage.getItem('csp-token') ?? '';
  return token;
}

async function overHttp(method: string, input: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`/api/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csp-token': hostToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch {
    return { ok: false, error: { code: 'IO_ERROR', message: '无法连接本机服务，请确认程序仍在运行。' } };
  }
  return res.json();
}

let newestVersion: string | null = null;

/**
 * Whether data version `a` is newer than `b`. A version is `<connection>:<changes>`
 * (electron/backend/services/project-version.ts), both counting up, and answers can arrive out
 * of order over HTTP, so the newest is kept rather than the last.
 */
function newer(a: string, b: string | null): boolean {
  if (b === null) return true;
  const [ac = 0, an = 0] = a.split(':').map(Number);
  const [bc = 0, bn = 0] = b.split(':').map(Number);
  return ac !== bc ? ac > bc : an > bn;
}

/**
 * The open project's newest data version seen in any answer (every answer carries it), or null
 * before the first: what a page switch compares a kept page against without asking.
 */
export function knownVersion(): string | null {
  return newestVersion;
}

export function invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  return send(method, input, true);
}

/**
 * `invoke` for a call nobody on screen waits for (api/ahead.ts): not counted as work in progress,
 * so a page clicked meanwhile is settled once its own content is (its timing does not wait for
 * a 附件 preview being printed for a page not yet visited).
 */
export function invokeUnwatched<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  return send(method, input, false);
}

async function send<M extends MethodName>(method: M, input: MethodInput<M>, watched: boolean): Promise<MethodResult<M>> {
  const sent = window.cspApi ? window.cspApi.invoke(method, input) : overHttp(method, input);
  const raw = await (watched ? tracked(sent) : sent);
  const response = raw as ApiResponse<MethodResult<M>>;
  if (!response.ok) throw new ApiCallError(response.error.code, response.error.message);
  if (response.version !== undefined && newer(response.version, newestVersion)) newestVersion = response.version;
  return response.result;
}
