// One build for the three Electron targets. Output layout (relied on by electron/main and
// electron-builder.yml): out/main/index.js, out/preload/index.cjs, out/renderer/.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = __dirname;
const alias = { '@shared': resolve(root, 'shared') };

const inPackages = (names: string) => new RegExp(`[\\\\/]node_modules[\\\\/](${names})[\\\\/]`);

// The renderer's libraries in chunks of their own (the pages are loaded lazily:
// renderer/src/layout/MainLayout.tsx). A higher priority claims a module first, so React is not
// pulled into the chunks of the libraries built on it, nor zrender into echarts' (together
// 566 kB minified). Ant Design stays one chunk: cut by size (maxSize) its modules ran out of
// order across the pieces and the start page failed ("Cannot destructure property 'ESC'").
const VENDOR_CHUNKS = [
  { name: 'react', test: inPackages('react|react-dom|scheduler'), priority: 4 },
  { name: 'zrender', test: inPackages('zrender'), priority: 3 },
  { name: 'echarts', test: inPackages('echarts'), priority: 2 },
  { name: 'antd', test: inPackages('antd|@ant-design|@rc-component|rc-[\\w-]+|@babel|dayjs'), priority: 1 },
];

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: resolve(root, 'out/main'),
      // The backend's worker and the import's parse worker are entries of their own:
      // worker_threads loads them as files, so they must sit beside index.js as
      // out/main/backend-worker.js (electron/backend/worker-backend.ts) and
      // out/main/import-worker.js (electron/backend/import/run-parser.ts).
      lib: {
        entry: {
          index: resolve(root, 'electron/main/index.ts'),
          'backend-worker': resolve(root, 'electron/backend/backend-worker-entry.ts'),
          'import-worker': resolve(root, 'electron/backend/import/parse-worker.ts'),
          // out/main/optimise-worker.js (electron/backend/optimise/run-worker.ts).
          'optimise-worker': resolve(root, 'electron/backend/optimise/solve-worker.ts'),
          // out/main/geo-worker.js (electron/backend/geo/run-geo-worker.ts).
          'geo-worker': resolve(root, 'electron/backend/geo/geo-worker.ts'),
        },
        formats: ['cjs'],
      },
      // Native module: loaded from node_modules (app.asar.unpacked) at run time, never bundled.
      externalizeDeps: { include: ['better-sqlite3'] },
      rolldownOptions: { external: ['better-sqlite3'] },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: resolve(root, 'out/preload'),
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      // A sandboxed preload cannot require files or packages: bundle everything but
      // 'electron' (which electron-vite always leaves external) into one file.
      externalizeDeps: false,
      rolldownOptions: {
        output: { entryFileNames: 'index.cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    // Relative asset URLs work from app://bundle/ and from the loopback host alike.
    base: './',
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      // Measured (kB, minified): antd 1,057, echarts 386, react 219, zrender 182, every page and
      // the app's own code under 140. Only Ant Design, one library loaded at start, passes 500 kB.
      chunkSizeWarningLimit: 1200,
      rolldownOptions: {
        input: resolve(root, 'renderer/index.html'),
        output: { codeSplitting: { groups: VENDOR_CHUNKS } },
      },
    },
  },
});
