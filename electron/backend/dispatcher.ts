// The one place where a method name and an untrusted input become a call: every transport
// (IPC, loopback HTTP, CLI) goes through here, so validation cannot be forgotten.
import type { z } from 'zod';
import {
  contract,
  isMethodName,
  type ApiResponse,
  type MethodName,
  type MethodResult,
  type ParsedInput,
} from '../../shared/api';
import { AppError } from './errors';
import { chineseIssues } from './input-messages';
import { sqliteFailure } from './db/sqlite-errors';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

export function toApiError(err: unknown): ApiResponse<never> {
  if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message } };
  const fromSqlite = sqliteFailure(err);
  if (fromSqlite) return { ok: false, error: fromSqlite };
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'INTERNAL', message: `程序内部错误：${message}` } };
}

/** `version` gives the open project's data version, or undefined when none is open. */
export function createDispatcher(handlers: Handlers, version: () => string | undefined = () => undefined) {
  return async function dispatch(method: string, input: unknown): Promise<ApiResponse<unknown>> {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${String(method).slice(0, 60)}` } };
    }
    const parsed = contract[method].input.safeParse(input ?? {}, { error: chineseIssues });
    if (!parsed.success) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `参数有误：${describeIssues(parsed.error)}` } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const result = await handler(parsed.data);
      const now = version();
      return now === undefined ? { ok: true, result } : { ok: true, result, version: now };
    } catch (err) {
      return toApiError(err);
    }
  };
}
