// Worker bootstrap of slow-backend-worker.ts, as backend-worker-source.cjs is for the real one.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS bootstrap: require is the point */
require('tsx/cjs/api').register();
require('./slow-backend-worker.ts');
