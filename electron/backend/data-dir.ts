// The same folder Electron's app.getPath('userData') gives for this product, so the browser
// mode, the CLI and the desktop app share recent files and the sample county.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = '县域学校布局规划';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CSP_DATA_DIR) return path.resolve(env.CSP_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}
