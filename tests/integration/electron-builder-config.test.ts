// Packaging cannot run here (no Electron binaries), so the configuration is checked the way
// electron-builder itself checks it: its own loader (js-yaml) and its own schema validation
// (app-builder-lib/scheme.json through ajv), then our specific requirements.
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const CONFIG_FILE = path.join(ROOT, 'electron-builder.yml');

type Logger = Parameters<typeof validateConfiguration>[1];
const quietLogger = { isEnabled: false, add() {} } as unknown as Logger;

async function load(): Promise<Configuration> {
  return getConfig(ROOT, CONFIG_FILE, null);
}

const validate = (config: Configuration) => validateConfiguration(config, quietLogger);

interface TargetEntry {
  target: string;
  arch?: string[];
}

function targets(platform: { target?: unknown } | null | undefined): TargetEntry[] {
  const list = platform?.target;
  return Array.isArray(list) ? (list as TargetEntry[]) : [];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const config = await load();
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('is rejected when it carries an unknown option (the validation can fail)', async () => {
    const config = await load();
    const bad = { ...config, notAnElectronBuilderOption: true } as Configuration;
    await expect(validate(bad)).rejects.toThrow(/notAnElectronBuilderOption/);
  });

  it('is rejected when a fuse has a value of the wrong type', async () => {
    const config = await load();
    const bad = { ...config, electronFuses: { ...config.electronFuses, runAsNode: 'maybe' } } as unknown as Configuration;
    await expect(validate(bad)).rejects.toThrow(/Invalid configuration/);
  });

  it('identifies the app and writes to release/', async () => {
    const config = await load();
    expect(config.appId).toBe('cn.county.schoolplanner');
    expect(config.productName).toBe('县域学校布局规划');
    expect(config.directories?.output).toBe('release');
    expect(config.publish).toBeNull();
    expect(config.electronDownload ?? null).toBeNull();
  });

  it('packs the built output only, in an asar, with better-sqlite3 unpacked and rebuilt', async () => {
    const config = await load();
    const files = JSON.stringify(config.files);
    expect(files).toContain('out/**');
    expect(files).toContain('package.json');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3/**', '**/*.node']));
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(true);
  });

  it('flips the security fuses', async () => {
    const config = await load();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an NSIS x64 installer in Chinese that asks where to install', async () => {
    const config = await load();
    expect(targets(config.win)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
    });
  });

  it('builds deb and AppImage for x64 and arm64 in the Education category', async () => {
    const config = await load();
    const linux = targets(config.linux);
    for (const name of ['deb', 'AppImage']) {
      const entry = linux.find((t) => t.target === name);
      expect(entry, `linux target ${name}`).toBeDefined();
      expect([...(entry?.arch ?? [])].sort()).toEqual(['arm64', 'x64']);
    }
    expect(config.linux?.category).toBe('Education');
  });
});
