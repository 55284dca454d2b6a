// Process bootstrap for when the backend runs from TypeScript source (tests, browser mode):
// registers tsx's require hook, then loads the real entry. The desktop app
// runs the bundled backend-worker.js instead.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bootstrap: require is the point */
require('tsx/cjs/api').register();
require('./backend-worker-entry.ts');
