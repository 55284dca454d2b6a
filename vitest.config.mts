import { fileURLToPath } from "node:url";
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL("./shared", import.meta.url)) } },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 is a native module: separate processes are the safe isolation.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
