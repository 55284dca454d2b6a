// Lint, and above all the process boundaries of DESIGN.md §2, enforced instead of
// remembered:
//   shared/            runtime-neutral: no electron, no better-sqlite3, no Node, no DOM
//   electron/backend,  the same code runs in Electron, the loopback host and the CLI:
//   electron/host,     no electron
//   electron/cli
//   renderer/          talks to the backend only through the API client: no electron,
//                      no better-sqlite3, no Node
// tests/integration/lint-boundaries.test.ts proves these rules fire.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

const ELECTRON = [
  { name: 'electron', message: '只有 electron/main 与 electron/preload 可以使用 Electron。' },
];
const SQLITE = [
  { name: 'better-sqlite3', message: '数据库只能经由 electron/backend/db 访问。' },
];
const NODE = nodeBuiltins.map((name) => ({
  name,
  message: '此目录的代码须与运行环境无关，不能使用 Node 内置模块。',
}));
const NODE_PREFIXED = {
  group: ['node:*'],
  message: '此目录的代码须与运行环境无关，不能使用 Node 内置模块。',
};
const ELECTRON_SUBPATHS = {
  group: ['electron/*'],
  message: '只有 electron/main 与 electron/preload 可以使用 Electron。',
};

const restrict = (paths, patterns = []) => ['error', { paths, patterns }];

export default defineConfig(
  { ignores: ['out/', 'release/', 'dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // A leading underscore marks a parameter or caught error kept on purpose.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Globals merge across matching blocks, so Node's are given only where they belong.
    ignores: ['shared/**', 'renderer/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([...ELECTRON, ...SQLITE, ...NODE], [NODE_PREFIXED, ELECTRON_SUBPATHS]),
    },
  },
  {
    files: ['electron/backend/**', 'electron/host/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': restrict(ELECTRON, [ELECTRON_SUBPATHS]),
    },
  },
  {
    files: ['shared/**'],
    languageOptions: {
      // Only the language itself: no window/document, no process/Buffer, not even console.
      globals: { ...globals.es2022 },
      parserOptions: { lib: ['es2022'] },
    },
    rules: {
      'no-restricted-imports': restrict([...ELECTRON, ...SQLITE, ...NODE], [NODE_PREFIXED, ELECTRON_SUBPATHS]),
      // typescript-eslint turns no-undef off because tsc checks names, but tsc sees the
      // DOM and Node types the whole project is compiled with; here undeclared globals
      // are exactly what must be caught.
      'no-undef': 'error',
    },
  },
);
