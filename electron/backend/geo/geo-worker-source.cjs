// Worker bootstrap for when the backend runs from TypeScript source (tests, the CLI, browser
// mode): registers tsx's require hook in this thread, then loads the real entry. The desktop
// app runs the bundled geo-worker.js instead.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bootstrap: require is the point */
require('tsx/cjs/api').register();
require('./geo-worker.ts');
