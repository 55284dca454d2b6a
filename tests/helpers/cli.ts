// The command-line tool as a planner runs it (tsx on electron/cli/main.ts, its data folder
// from CSP_DATA_DIR), for the tests that hold its output and exit codes.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const TSX = path.resolve('node_modules/.bin/tsx');
export const CLI = path.resolve('electron/cli/main.ts');

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a CLI run whose data folder (recent projects, settings) is `dataDir`. */
export function cliEnv(dataDir: string): NodeJS.ProcessEnv {
  return { ...process.env, CSP_DATA_DIR: dataDir };
}

const run = promisify(execFile);

/** Runs the CLI with `args`; a non-zero exit is answered with its code and output, not thrown. */
export function cliRunner(env: NodeJS.ProcessEnv): (args: string[]) => Promise<CliOutcome> {
  return (args) =>
    // Room for a sample county's --json (several MB); the default 1 MB would cut it.
    run(TSX, [CLI, ...args], { env, maxBuffer: 64 * 1024 * 1024 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
}
