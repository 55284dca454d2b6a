// The layers (docs/ARCHITECTURE.md, "Layers") are lint rules; this proves the rules fire, by
// linting small snippets as if they sat at a given path, through ESLint's own API and the
// project's eslint.config.mjs.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function problems(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const NODE_FS = "import fs from 'node:fs';\nexport const x = fs;\n";
const BARE_FS = "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n";
const ELECTRON = "import { app } from 'electron';\nexport const x = app;\n";
const SQLITE = "import Database from 'better-sqlite3';\nexport const x = Database;\n";

describe('import boundaries', () => {
  it('shared/ may not import Node built-ins, with or without node:', async () => {
    expect(await problems(NODE_FS, 'shared/x.ts')).toEqual([expect.stringMatching(/^no-restricted-imports: 'node:fs'/)]);
    expect(await problems(BARE_FS, 'shared/x.ts')).toEqual([expect.stringMatching(/^no-restricted-imports: 'fs'/)]);
    expect(await problems("import { join } from 'path/posix';\nexport const j = join;\n", 'shared/domain/x.ts')).toHaveLength(1);
  });

  it('shared/ may not import electron or better-sqlite3', async () => {
    expect(await problems(ELECTRON, 'shared/api/x.ts')).toEqual([expect.stringMatching(/^no-restricted-imports: 'electron'/)]);
    expect(await problems(SQLITE, 'shared/x.ts')).toEqual([expect.stringMatching(/^no-restricted-imports: 'better-sqlite3'/)]);
  });

  it('shared/ sees only the language’s globals: no DOM, no Node', async () => {
    const code = 'export const a = document.title;\nexport const b = process.env;\nexport const c = window;\n';
    const found = await problems(code, 'shared/x.ts');
    expect(found).toEqual([
      "no-undef: 'document' is not defined.",
      "no-undef: 'process' is not defined.",
      "no-undef: 'window' is not defined.",
    ]);
    const pure = "export const m = new Map<string, Record<string, number>>();\nexport const c = new Intl.Collator('zh-CN');\n";
    expect(await problems(pure, 'shared/x.ts')).toEqual([]);
  });

  it('electron/backend, host and cli may not import electron', async () => {
    for (const dir of ['electron/backend', 'electron/backend/db', 'electron/host', 'electron/cli']) {
      expect(await problems(ELECTRON, `${dir}/x.ts`), dir).toEqual([
        expect.stringMatching(/^no-restricted-imports: 'electron'/),
      ]);
    }
    // …but they run under Node and may use it and the database.
    expect(await problems(NODE_FS + SQLITE.replace('x =', 'y ='), 'electron/backend/db/x.ts')).toEqual([]);
  });

  it('electron/main and electron/preload may import electron and Node', async () => {
    expect(await problems(ELECTRON + NODE_FS.replace('x =', 'y ='), 'electron/main/x.ts')).toEqual([]);
    expect(await problems(ELECTRON, 'electron/preload/x.ts')).toEqual([]);
  });

  it('renderer/ may not import electron, better-sqlite3 or Node built-ins', async () => {
    expect(await problems(ELECTRON, 'renderer/src/x.tsx')).toHaveLength(1);
    expect(await problems(SQLITE, 'renderer/src/x.tsx')).toHaveLength(1);
    expect(await problems(NODE_FS, 'renderer/src/pages/x.tsx')).toHaveLength(1);
    expect(await problems(BARE_FS, 'renderer/src/x.ts')).toHaveLength(1);
    expect(await problems("import { z } from 'zod';\nexport const s = z.string();\n", 'renderer/src/x.ts')).toEqual([]);
  });

  it('renderer/ may not reach into the backend, only shared/ and the preload’s types', async () => {
    const queries = "import { listSchools } from '../../electron/backend/db/queries';\nexport const q = listSchools;\n";
    expect(await problems(queries, 'renderer/src/x.ts')).toEqual([
      expect.stringMatching(/^layers\/imports: '\.\.\/\.\.\/electron\/backend\/db\/queries'：界面代码只能引用/),
    ]);
    const deepQueries = "import { listSchools } from '../../../../electron/backend/db/queries';\nexport const q = listSchools;\n";
    expect(await problems(deepQueries, 'renderer/src/components/plan/x.tsx')).toHaveLength(1);
    expect(await problems("import { x } from '../../tests/helpers/temp';\nexport const y = x;\n", 'renderer/src/x.ts')).toHaveLength(1);
    // The preload's constants are main-process code: only its types may be used.
    const preloadValue = "import { CHANNELS } from '../../../electron/preload/api';\nexport const c = CHANNELS;\n";
    expect(await problems(preloadValue, 'renderer/src/api/x.ts')).toHaveLength(1);

    const allowed = [
      "import type { CspApi } from '../../../electron/preload/api';\nexport type A = CspApi;\n",
      "import { STAGES } from '@shared/domain';\nexport const s = STAGES;\n",
      "import { STAGES } from '../../../shared/domain';\nexport const s = STAGES;\n",
      "import { zh } from '../../i18n/zh';\nexport const z = zh;\n",
    ];
    for (const code of allowed) expect(await problems(code, 'renderer/src/api/x.ts'), code).toEqual([]);
  });

  it('shared/ may import only shared/', async () => {
    const backend = "import { openProject } from '../../electron/backend/db/project';\nexport const o = openProject;\n";
    expect(await problems(backend, 'shared/plan/x.ts')).toEqual([
      expect.stringMatching(/^layers\/imports: '\.\.\/\.\.\/electron\/backend\/db\/project'：shared\/ 只能引用/),
    ]);
    expect(await problems("export { x } from '../../renderer/src/lib/format';\n", 'shared/plan/x.ts')).toHaveLength(1);
    expect(await problems("import { tempDir } from '../tests/helpers/temp';\nexport const t = tempDir;\n", 'shared/x.ts')).toHaveLength(1);
    expect(await problems("export const m = () => import('../../electron/backend');\n", 'shared/plan/x.ts')).toHaveLength(1);

    const allowed = "import { STAGES } from '../domain';\nimport { evaluate } from './evaluate';\nexport const s = [STAGES, evaluate];\n";
    expect(await problems(allowed, 'shared/plan/x.ts')).toEqual([]);
  });

  it('electron/backend, host and cli may not import electron/main, electron/preload or renderer/', async () => {
    const main = "import { createWindow } from '../main/window';\nexport const w = createWindow;\n";
    expect(await problems(main, 'electron/backend/x.ts')).toEqual([
      expect.stringMatching(/^layers\/imports: '\.\.\/main\/window'：后端、本地服务与命令行/),
    ]);
    expect(await problems(main.replace('../main', '../../main'), 'electron/backend/services/x.ts')).toHaveLength(1);
    expect(await problems("import { CHANNELS } from '../preload/api';\nexport const c = CHANNELS;\n", 'electron/host/x.ts')).toHaveLength(1);
    const renderer = "import { fmtInt } from '../../renderer/src/lib/format';\nexport const f = fmtInt;\n";
    expect(await problems(renderer, 'electron/backend/x.ts')).toEqual([
      expect.stringMatching(/^layers\/imports: '\.\.\/\.\.\/renderer\/src\/lib\/format'：后端、本地服务与命令行/),
    ]);
    expect(await problems(renderer, 'electron/cli/x.ts')).toHaveLength(1);

    const allowed = [
      ["import { evaluatePlan } from '../../shared/plan';\nexport const e = evaluatePlan;\n", 'electron/backend/x.ts'],
      ["import { evaluatePlan } from '@shared/plan';\nexport const e = evaluatePlan;\n", 'electron/backend/services/x.ts'],
      ["import { openProject } from '../backend/db/project';\nexport const o = openProject;\n", 'electron/cli/x.ts'],
      // A folder of the backend that happens to be called main is not electron/main.
      ["import { x } from '../main/y';\nexport const z = x;\n", 'electron/backend/services/x.ts'],
    ];
    for (const [code, file] of allowed) expect(await problems(code!, file!), `${file}: ${code}`).toEqual([]);
  });
});
