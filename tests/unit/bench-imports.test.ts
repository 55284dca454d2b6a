// `npm run bench` runs tests/bench under plain tsx, where importing vitest throws at once. A
// helper that grows a vitest hook and is also used by a bench broke every bench silently
// (nothing in the test run imports the benches), so the benches' import graph is checked here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function resolve(from: string, spec: string): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  }
  return null;
}

/** Every file reached from `entry` by relative imports, with the bare packages each one names. */
function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [entry];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    const packages: string[] = [];
    seen.set(file, packages);
    for (const m of fs.readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (!spec.startsWith('.')) {
        packages.push(spec);
        continue;
      }
      const next = resolve(file, spec);
      if (next) todo.push(next);
    }
  }
  return seen;
}

function vitestUsers(entry: string): string[] {
  return [...graph(entry)].filter(([, pkgs]) => pkgs.some((p) => p === 'vitest' || p.startsWith('vitest/'))).map(([f]) => path.relative(ROOT, f));
}

describe('the benches', () => {
  const benches = fs.readdirSync(path.join(ROOT, 'tests/bench')).filter((f) => f.endsWith('.ts') && !f.endsWith('.config.ts'));

  it.each(benches)('%s never reaches vitest through its imports', (file) => {
    expect(vitestUsers(path.join(ROOT, 'tests/bench', file))).toEqual([]);
  });

  it('the check sees a vitest import two files away', () => {
    // The integration helper that keeps vitest out of backend.ts must itself be found.
    expect(vitestUsers(path.join(ROOT, 'tests/helpers/with-backend.ts'))).toEqual(['tests/helpers/with-backend.ts']);
    const dir = fs.mkdtempSync(path.join(ROOT, 'tests/bench/.tmp-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = b;\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import { it } from 'vitest';\nexport const b = it;\n");
      expect(vitestUsers(path.join(dir, 'a.ts'))).toEqual([path.relative(ROOT, path.join(dir, 'b.ts'))]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
