// The production dependencies are reviewed by hand (the registry refuses `npm audit`): each
// one has a row in docs/DEPENDENCIES.md, is pinned to one exact version, and its tarball is
// the one whose lockfile integrity the row records.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

interface Row {
  name: string;
  version: string;
  why: string;
  verified: string;
  integrity: string;
}

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, { version?: string; integrity?: string }> };

function documented(): Map<string, Row> {
  const rows = fs
    .readFileSync('docs/DEPENDENCIES.md', 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|\s*(Package|-)/.test(l))
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
  return new Map(rows.map(([name = '', version = '', why = '', verified = '', integrity = '']) => [name, { name, version, why, verified, integrity }]));
}

/** An exact version, or an npm alias to an exact version: no range, tag, URL or path. */
const EXACT = /^(npm:(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*@)?\d+\.\d+\.\d+$/;

describe('production dependencies', () => {
  const rows = documented();

  it.each(Object.entries(pkg.dependencies))('%s is pinned exactly and documented', (name, spec) => {
    expect(spec, `${name} 应锁定确切版本`).toMatch(EXACT);
    const row = rows.get(name);
    expect(row, `docs/DEPENDENCIES.md 缺少 ${name}`).toBeDefined();
    expect(row?.version).toBe(spec);
    expect(row?.why.length).toBeGreaterThan(20);
    expect(row?.verified.length).toBeGreaterThan(20);
    const locked = lock.packages[`node_modules/${name}`];
    expect(locked?.version).toBe(spec.replace(/^npm:.*@/, ''));
    expect(locked?.integrity).toBe(row?.integrity);
  });

  it('keeps SheetJS on the reviewed republish of 0.20.3', () => {
    expect(pkg.dependencies.xlsx).toBe('npm:@e965/xlsx@0.20.3');
    expect(rows.get('xlsx')?.integrity).toBe('sha512-703RN/3OdsRD5mtse2HBX7Um7xwaP9tlswEG6svOtjqokXoX7rJdQj7DyabD2I+xk22RgaIIU+R6BHgkpZGB/w==');
  });

  it('documents nothing that is no longer a dependency', () => {
    expect([...rows.keys()].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('tells a range from a pin', () => {
    for (const spec of ['^1.2.3', '~1.2.3', '1.x', 'latest', '>=1.0.0', 'npm:foo@^1.0.0', 'github:a/b', 'file:../x']) expect(spec).not.toMatch(EXACT);
    for (const spec of ['1.2.3', 'npm:@e965/xlsx@0.20.3', 'npm:foo@0.0.1']) expect(spec).toMatch(EXACT);
  });
});
