// app:// serves the built renderer. A real origin (unlike file://) lets the page use ES
// modules and a CSP with 'self', and lets IPC handlers recognise their own page by URL.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME, HEADER_CSP, mimeFor, resolveInside } from './policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        // Vite emits <script type="module" crossorigin>, fetched in CORS mode. No
        // Access-Control-Allow-Origin header is ever sent, so other origins still cannot
        // read app:// responses.
        corsEnabled: true,
        codeCache: true,
      },
    },
  ]);
}

function respond(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

async function readOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch {
    return null;
  }
}

/** Call once the app is ready. rendererDir is out/renderer (inside app.asar when packaged). */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method Not Allowed');
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return respond(404, 'Not Found');
    const file = resolveInside(rendererDir, url.pathname);
    if (!file) return respond(403, 'Forbidden');
    let served = file;
    let data = await readOrNull(file);
    // A reload on a client-side route (no extension) gets the app shell.
    if (!data && path.extname(file) === '') {
      served = path.join(rendererDir, 'index.html');
      data = await readOrNull(served);
    }
    if (!data) return respond(404, 'Not Found');
    return new Response(new Uint8Array(data), {
      status: 200,
      headers: {
        'content-type': mimeFor(served),
        'content-security-policy': HEADER_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  });
}
