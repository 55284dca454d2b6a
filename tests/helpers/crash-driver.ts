// Spawned by tests that kill a write mid-way: opens a project through the backend and calls
// one API method, for the writes the CLI has no command for.
//   tsx tests/helpers/crash-driver.ts <项目.csplan> <method> '<input JSON>'
import path from 'node:path';
import { createBackend } from '../../electron/backend';
import type { MethodName } from '../../shared/api';

const [project, method, input] = process.argv.slice(2) as [string, MethodName, string];

async function main(): Promise<void> {
  const backend = createBackend({ dataDir: path.join(path.dirname(project), 'driver-data'), shell: 'cli' });
  const opened = await backend.dispatch('project.open', { path: project });
  const res = opened.ok ? await backend.dispatch(method, JSON.parse(input)) : opened;
  backend.close();
  if (!res.ok) {
    console.error(res.error.message);
    process.exit(1);
  }
}

void main();
