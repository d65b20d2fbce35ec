/**
 * The packaged window through Playwright's Electron driver. It needs the Electron binary,
 * which `npm ci` with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (and any machine without network)
 * does not have: there the test is skipped and says so.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { VariantDeskApi } from '../../src/shared/contract';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'out/main/index.js');

function electronBinary(): { path: string } | { missing: string } {
  try {
    // The electron package's main export is the binary's path; it throws when not downloaded.
    const path = createRequire(import.meta.url)('electron') as string;
    return existsSync(path) ? { path } : { missing: `no Electron binary at ${path}` };
  } catch (error) {
    return {
      missing: `Electron binary not installed (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

/** `window.variantdesk` as the preload exposes it. */
const bridgeOf = (w: Window) => (w as Window & { variantdesk?: VariantDeskApi }).variantdesk;

const binary = electronBinary();
const skipReason =
  'missing' in binary
    ? `${binary.missing}; installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or offline`
    : existsSync(MAIN)
      ? null
      : 'the app is not built: run `npm run build` first';
if (skipReason) console.warn(`[electron.spec] skipped: ${skipReason}`);

describe('desktop app (Electron)', () => {
  it.skipIf(skipReason !== null)(
    `opens a sandboxed window with the contract as its only bridge${skipReason ? ` (skipped: ${skipReason})` : ''}`,
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'variantdesk-electron-'));
      const app = await electron.launch({
        executablePath: (binary as { path: string }).path,
        args: [MAIN, `--data-dir=${dataDir}`, '--no-sandbox'],
      });
      try {
        const page = await app.firstWindow();
        await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
        // The page comes from the app's own origin, never file://.
        expect(page.url()).toBe('app://renderer/index.html');
        const bridge = await page.evaluate(() => ({
          runtime: bridgeOf(window)?.runtime,
          methods: Object.keys(bridgeOf(window) ?? {}).sort(),
          require: typeof (window as unknown as { require?: unknown }).require,
        }));
        expect(bridge.runtime).toBe('electron');
        expect(bridge.require).toBe('undefined');
        expect(bridge.methods).toContain('importFiles');
        const opened = await page.evaluate(() => window.open('https://example.org') === null);
        expect(opened).toBe(true);
        expect(await page.evaluate(() => bridgeOf(window)!.listDatasets({}))).toEqual([]);
        // Navigating away to a local file is refused: the page and its bridge stay.
        await page.evaluate(() => {
          window.location.href = 'file:///etc/hostname';
        });
        await page.waitForTimeout(300);
        expect(page.url()).toBe('app://renderer/index.html');
        expect(await page.evaluate(() => bridgeOf(window)?.runtime)).toBe('electron');
      } finally {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
