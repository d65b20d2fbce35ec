/**
 * Starts the real server on a fresh data directory, serving the built renderer
 * (`npm run build:web`), and drives it in Debian's Chromium through playwright-core. The
 * page is opened as `serve` prints it, with `?token=` (the server then sets its cookie).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestContext } from 'vitest';
import { createServer } from '../../src/server/app';
import { VariantDeskCore } from '../../src/core/variantdesk-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const WEB_ROOT = resolve(import.meta.dirname, '../../out/web');

export interface AppHandle {
  /** The server's address, without the token. */
  url: string;
  /** The server's access token (the page holds it as a cookie). */
  token: string;
  dataDir: string;
  core: VariantDeskCore;
  page: Page;
  context: BrowserContext;
  /**
   * Stops the browser, the server and the core and removes the data directory. Given the
   * test (an `afterEach` hook's `task`, whose result is known by then), a failed test's
   * Playwright trace is kept in test-results/.
   */
  close(test?: TestContext['task']): Promise<void>;
}

export async function startApp(): Promise<AppHandle> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      `the renderer is not built: run \`npm run build:web\` first (no ${WEB_ROOT}/index.html)`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'variantdesk-e2e-'));
  const core = new VariantDeskCore(dataDir);
  const token = randomBytes(18).toString('base64url');
  const server = await createServer({ core, webRoot: WEB_ROOT, token });
  const address = await server.listen({ port: 0, host: '127.0.0.1' });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1366, height: 900 },
  });
  await context.tracing.start({ screenshots: true, snapshots: true });
  const page = await context.newPage();
  await page.goto(`${address}/?token=${token}`);
  return {
    url: address,
    token,
    dataDir,
    core,
    page,
    context,
    async close(test) {
      // Traces are kept only for failed tests (retain-on-failure).
      if (test?.result?.state === 'fail') {
        const dir = resolve(import.meta.dirname, '../../test-results');
        mkdirSync(dir, { recursive: true });
        await context.tracing.stop({
          path: join(dir, `${test.name.replace(/\W+/g, '-')}.trace.zip`),
        });
      } else {
        await context.tracing.stop();
      }
      await browser.close();
      await server.close();
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
