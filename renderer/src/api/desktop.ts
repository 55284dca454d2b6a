// Optional extras the desktop shell's preload adds next to invoke(): native file dialogs
// and menu commands. The browser (loopback host) has neither, so every caller must cope
// with `null` and fall back to its own in-page UI.
//
// The shapes come from the preload's own type module (pure types, no Electron import), so
// the two sides cannot drift apart.
import type { CspApi, DialogKind, DialogOptions, MenuAction } from '../../../electron/preload/api';

export type { DialogKind, DialogOptions, MenuAction };

export const RECENT_PREFIX = 'recent:';

function extras(): Partial<Pick<CspApi, 'dialog' | 'onMenu' | 'print'>> | null {
  // client.ts declares window.cspApi with invoke() only; the extras are read through a
  // widened view instead of redeclaring the global with a conflicting type.
  const api = window.cspApi as (NonNullable<Window['cspApi']> & Partial<CspApi>) | undefined;
  return api ?? null;
}

export function hasNativeDialogs(): boolean {
  return typeof extras()?.dialog === 'function';
}

/** Shows a native dialog; resolves to null when cancelled or when there is no desktop shell. */
export async function nativeDialog(kind: DialogKind, options?: DialogOptions): Promise<string | null> {
  const api = extras();
  if (!api?.dialog) return null;
  return (await api.dialog(kind, options)) ?? null;
}

/** Subscribes to application-menu commands; returns an unsubscribe function (a no-op in the browser). */
export function subscribeMenu(callback: (action: MenuAction) => void): () => void {
  const api = extras();
  if (!api?.onMenu) return () => undefined;
  return api.onMenu(callback);
}

/**
 * Prints an HTML document through the desktop shell's system print dialog. Resolves to
 * false when there is no desktop shell, so the browser can print in the page instead.
 */
export async function printHtml(html: string): Promise<boolean> {
  const api = extras();
  if (!api?.print) return false;
  await api.print(html);
  return true;
}
