// Serving the built renderer: one content-security policy, one path-containment rule and
// one MIME table for both the desktop app's app:// protocol and the loopback host.
import path from 'node:path';

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
