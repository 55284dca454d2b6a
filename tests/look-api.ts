import fs from 'node:fs';
import { createBackend } from '../electron/backend';
async function main() {
  const dir = fs.mkdtempSync('/tmp/mappage-look/api-');
  const b = createBackend({ dataDir: dir, shell: 'cli' });
  let t = Date.now();
  const o = await b.dispatch('project.openSample', {});
  console.log('open', o.ok, Date.now() - t, o.ok ? '' : JSON.stringify(o.error));
  t = Date.now();
  const m = await b.dispatch('geo.map', {});
  console.log('map', m.ok, Date.now() - t, m.ok ? JSON.stringify({ s: (m.result as any).schools.length, v: (m.result as any).villages.length, t: (m.result as any).townships.filter((x: any) => x.boundary).length, pos: (m.result as any).schools.filter((x: any) => x.position).length, notes: (m.result as any).notes }) : JSON.stringify(m.error));
  t = Date.now();
  const c = await b.dispatch('geo.coverage', {});
  console.log('cov', c.ok, Date.now() - t, c.ok ? '' : JSON.stringify(c.error));
  b.close();
}
main();
