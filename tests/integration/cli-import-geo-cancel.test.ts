// `cli import-geo` on a terminal: a progress line on stderr with the stage and an estimate, and
// Ctrl-C typed while it converts coordinates cancels the import — exit 130, a Chinese message,
// the project file byte for byte as it was. The terminal is a real pseudo-terminal (util-linux
// `script`), so the Ctrl-C is the line discipline's SIGINT to the whole foreground group
// (npx/tsx and the CLI), as a planner's would be. The geo worker is held at converting
// coordinates (CSP_TEST_HOLD_GEO_STAGE, geo/worker-progress.ts) until the cancel ends it, so the
// Ctrl-C always lands mid-import and a small file does.
import { spawn } from 'node:child_process';
import path from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { HOLD_GEO_STAGE_ENV } from '../../electron/backend/geo/worker-progress';
import type { Position } from '../../shared/geo/model';
import { generateCounty } from '../../shared/sample';
import { planFreeSample } from '../helpers/sample';
import { PRJ_CGCS2000_GK_CM114, writeShapefile } from '../helpers/shapefile';
import { sha256, tempDir } from '../helpers/temp';

const GK = '+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
const tsx = path.resolve('node_modules/.bin/tsx');
const cli = path.resolve('electron/cli/main.ts');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

describe('cli import-geo on a terminal', () => {
  it('shows the stage and an estimate, and Ctrl-C cancels with exit 130 and nothing written', async () => {
    const dir = tempDir('csp-cli-geo-cancel-');
    const project = await planFreeSample(dir);
    const boundaries = generateCounty().geography!.townships;
    const base = path.join(dir, '乡镇界');
    const records = boundaries.map((b) => ({ rings: [b.geometry.coordinates[0]![0]!.map((p: Position) => proj4('WGS84', GK, p) as [number, number])], fields: { NAME: b.name, CODE: b.township } }));
    writeShapefile(base, records, { encoding: 'gbk', prj: PRJ_CGCS2000_GK_CM114 });
    const before = sha256(project);

    // `script` runs the command in $SHELL, /bin/sh (dash) on CI: a non-interactive dash dies of
    // the Ctrl-C the whole group gets, before it can report the exit code, where bash waits.
    // Trapping INT keeps either shell alive; a caught signal is reset in the children it runs.
    const command = `trap : INT; ${quote(tsx)} ${quote(cli)} import-geo ${quote(project)} townships ${quote(`${base}.shp`)}; echo "退出码=$?"`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, SHELL: '/bin/sh', CSP_DATA_DIR: path.join(dir, 'data'), [HOLD_GEO_STAGE_ENV]: 'coordinates' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let screen = '';
    let typed = false;
    child.stdout.on('data', (d: Buffer) => {
      screen += d.toString();
      if (!typed && /检查并换算坐标 \d+%/.test(screen)) {
        typed = true;
        child.stdin.write('\x03');
      }
    });
    await new Promise((resolve) => child.on('exit', resolve));

    expect(typed).toBe(true);
    // Each line is drawn over the last: carriage return, then erase the line (ESC [2K).
    const lines = screen.split('\r\u001b[2K');
    // Before the worker's first report, the line names the file (how long reading shows is timing).
    expect(lines[1]).toBe('正在导入 乡镇界.shp');
    expect(lines.some((l) => /^检查并换算坐标 \d+%，预计还需约 \d+ 秒/.test(l))).toBe(true);
    // The line is cleared before the message, which ends the command.
    expect(lines[lines.length - 1]).toBe('已取消导入 乡镇界.shp，未写入任何内容。\r\n退出码=130\r\n');
    expect(screen).not.toContain('已导入');
    expect(sha256(project)).toBe(before);
  }, 120_000);
});
