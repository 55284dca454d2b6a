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

// The page's CSP, path containment and MIME types are shared with the loopback host, so
// both transports serve the renderer under the same rules.
export { HEADER_CSP, META_CSP, mimeFor, resolveInside } from '../host/static-files';

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
  if ((k.data === 'saveFile' || k.data === 'openFile') && !o.data?.filters) return null;
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
