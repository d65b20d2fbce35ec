import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'VariantDesk';

/** Electron's `appData` for this platform, so the CLI and server share the app's registry. */
function appDataDir(): string {
  if (process.platform === 'win32')
    return process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** `--data-dir` first, then `VARIANTDESK_HOME`, then the given default (Electron's userData). */
export function resolveDataDir(flag?: string, fallback?: string): string {
  const chosen = flag ?? process.env.VARIANTDESK_HOME ?? fallback ?? join(appDataDir(), APP_NAME);
  return resolve(chosen);
}
