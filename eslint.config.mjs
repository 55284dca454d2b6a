// Lint, and above all the layers of docs/ARCHITECTURE.md ("Layers"), enforced instead of
// remembered:
//   shared/            runtime-neutral: no electron, no better-sqlite3, no Node, no DOM,
//                      and nothing of the project outside shared/
//   electron/backend,  the same code runs in Electron, the loopback host and the CLI:
//   electron/host,     no electron, and nothing of electron/main, electron/preload or
//   electron/cli       renderer/
//   renderer/          talks to the backend only through the API client: no electron,
//                      no better-sqlite3, no Node; of the project only shared/ and the
//                      preload's types
// tests/integration/lint-boundaries.test.ts proves these rules fire.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

// Package bans match the import's text; a layer ban must know where a relative import
// lands, which a pattern on the text cannot tell (`../main/x` is electron/main only from
// one folder deep). This rule resolves relative and `@shared/` imports to a
// project-relative path and checks it against the folders a layer may use.
const ROOT = path.dirname(fileURLToPath(import.meta.url));
const ALIASES = { '@shared/': 'shared/' };

function projectPath(fromFile, source) {
  const alias = Object.keys(ALIASES).find((prefix) => source.startsWith(prefix));
  const target = alias
    ? path.join(ROOT, ALIASES[alias], source.slice(alias.length))
    : source.startsWith('.') ? path.resolve(path.dirname(fromFile), source) : null;
  return target && path.relative(ROOT, target).split(path.sep).join('/');
}

// `folders` name folders ('shared/') or modules ('electron/preload/api', any extension).
const under = (file, folders) =>
  folders.some((f) => file.startsWith(f.endsWith('/') ? f : `${f}/`) || file.replace(/\.[cm]?[jt]sx?$/, '') === f.replace(/\/$/, ''));

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

const layerImports = {
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: {
          allow: { type: 'array', items: { type: 'string' } },
          allowTypes: { type: 'array', items: { type: 'string' } },
          deny: { type: 'array', items: { type: 'string' } },
          message: { type: 'string' },
        },
        required: ['message'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { allow, allowTypes = [], deny = [], message } = context.options[0];
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const target = projectPath(context.filename, source.value);
      if (target === null) return;
      const allowed =
        !under(target, deny) &&
        (allow === undefined || under(target, allow) || (isTypeOnly(node) && under(target, allowTypes)));
      if (!allowed) context.report({ node: source, message: `'${source.value}'：${message}` });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

const layers = { rules: { imports: layerImports } };

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
  { plugins: { layers } },
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
      'layers/imports': [
        'error',
        {
          allow: ['renderer/', 'shared/'],
          // The shape of window.cspApi: types only, so no main-process code is bundled.
          allowTypes: ['electron/preload/api'],
          message: '界面代码只能引用 renderer/ 与 shared/（以及 electron/preload/api 的类型），数据须经由 API 客户端取得。',
        },
      ],
      // antd's own notice timer re-renders every frame and so stalls the pages built ahead.
      'no-restricted-syntax': [
        'error',
        {
          selector: "VariableDeclarator[init.callee.property.name='useApp'] > ObjectPattern > Property[key.name='message']",
          message: '提示消息请用 state/useToast.ts 的 useToast()：antd 的 message 计时每帧重绘，会拖住预建页面。',
        },
      ],
    },
  },
  {
    files: ['renderer/src/state/useToast.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/backend/**', 'electron/host/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': restrict(ELECTRON, [ELECTRON_SUBPATHS]),
      'layers/imports': [
        'error',
        {
          deny: ['electron/main/', 'electron/preload/', 'renderer/'],
          message: '后端、本地服务与命令行在 Electron 之外也要运行，不能引用 electron/main、electron/preload 或 renderer/。',
        },
      ],
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
      'layers/imports': [
        'error',
        { allow: ['shared/'], message: 'shared/ 只能引用 shared/ 内的模块，它同时供后端与界面使用。' },
      ],
    },
  },
);
