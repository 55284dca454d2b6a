import { fileURLToPath } from "node:url";
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL("./shared", import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/setup/run-tmpdir.ts'],
    setupFiles: ['tests/setup/remove-temp-dirs.ts'],
    environment: 'node',
    // better-sqlite3 is a native module: separate processes are the safe isolation.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A poll waits for the app to answer (a save, a re-evaluation, a render): vitest's 1 s
    // default is shorter than a busy CI machine takes for a plan edit (a 规划指标 save missed it).
    expect: { poll: { timeout: 10_000 } },
  },
});
