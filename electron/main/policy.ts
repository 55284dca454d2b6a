// The main process's security decisions as pure functions, with no 'electron' import, so
// tests can run them under plain Node (Electron cannot run on the development machines).
import path from 'node:path';
import { z } from 'zod';
import { DIALOG_KINDS, type DialogKind, type FileFilter } from '../preload/api';

export const APP_SCHEME = 'app';
/** A standard scheme needs a host; one fixed host makes the app a single origin. */
export const APP_HOST = 'bundle';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True only for URLs of the app's own origin (app://bundle/...). */
export function isAppUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && !u.username && !u.password;
  } catch {
    return false;
  }
}

const CSP_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // Ant Design's CSS-in-JS injects <style> elements at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** The policy in renderer/index.html's <meta>. */
export const META_CSP = CSP_DIRECTIVES.join('; ');

/**
 * The policy sent as a response header by app:// (and fit for the loopback host).
 * frame-ancestors only works as a header: Chromium ignores it in <meta> and logs an error.
 */
export const HEADER_CSP = [...CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/**
 * Maps a request path to a file inside root, or null when it would leave root (../,
 * encoded dots or slashes, backslashes, drive letters, NUL) or cannot be decoded.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded.replace(/^[/\\]+/, '') || 'index.html';
  const base = path.resolve(root);
  const full = path.resolve(base, relative);
  if (full === base || !full.startsWith(base + path.sep)) return null;
  return full;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Module scripts are refused without a JavaScript MIME type, so never guess. */
export function mimeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const text = (max: number) => z.string().max(max).refine((s) => !s.includes('\0'));
const options = z
  .strictObject({
    title: text(100).optional(),
    defaultPath: text(4096).optional(),
    filters: z
      .array(
        z.strictObject({
          name: text(60).min(1),
          extensions: z.array(z.string().regex(/^(\*|[A-Za-z0-9]{1,10})$/)).min(1).max(10),
        }),
      )
      .min(1)
      .max(10)
      .optional(),
  })
  .optional();

export interface DialogRequest {
  kind: DialogKind;
  title?: string | undefined;
  defaultPath?: string | undefined;
  filters?: FileFilter[] | undefined;
}

/** Validates what the renderer asked for; null when it is malformed. */
export function parseDialogRequest(kind: unknown, raw: unknown): DialogRequest | null {
  const k = z.enum(DIALOG_KINDS).safeParse(kind);
  const o = options.safeParse(raw ?? undefined);
  if (!k.success || !o.success) return null;
  if (k.data === 'saveFile' && !o.data?.filters) return null;
  return { kind: k.data, ...o.data };
}

/** GTK's save dialog does not add the extension the filter implies; add it ourselves. */
export function withExtension(file: string, extensions: readonly string[]): string {
  const wanted = extensions.filter((e) => e !== '*');
  if (wanted.length === 0) return file;
  const ext = path.extname(file).slice(1).toLowerCase();
  if (wanted.some((e) => e.toLowerCase() === ext)) return file;
  return `${file}.${wanted[0]}`;
}
