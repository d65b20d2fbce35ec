/** The Swagger UI at /docs renders in Chromium under the app's CSP, from local assets only. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { startServer } from './api-helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe.skipIf(!existsSync(CHROMIUM))('the /docs page in Chromium', () => {
  it('lists every endpoint with no console error, CSP violation or remote request', async () => {
    const { app, stop } = await startServer('s3cret');
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const origins = new Set<string>();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
      page.on('request', (request) => origins.add(new URL(request.url()).origin));
      // Run in the page (a string: this file is compiled without DOM types).
      await page.addInitScript(
        `document.addEventListener('securitypolicyviolation', (event) =>
          console.error('CSP violation: ' + event.effectiveDirective + ' ' + event.blockedURI));`,
      );

      await page.goto(`${address}/docs?token=s3cret`);
      expect(new URL(page.url()).pathname).toBe('/docs');
      const paths = page.locator('.opblock-summary-path');
      await expect.poll(() => paths.count(), { timeout: 20_000 }).toBe(8);
      expect((await paths.allTextContents()).sort()).toEqual(
        [
          '/classify',
          '/health',
          '/inference/classify',
          '/info',
          '/metrics',
          '/models/current',
          '/predict',
          '/predict-batch',
        ].sort(),
      );
      // The request body of /classify is documented per content type.
      await page.locator('.opblock-summary-path', { hasText: /^\/classify$/ }).click();
      const contentTypes = page.locator('.opblock-body .body-param-content-type select').first();
      await expect
        .poll(() => contentTypes.locator('option').allTextContents())
        .toEqual(['application/json', 'text/plain', 'text/x-fasta']);
      expect(problems).toEqual([]);
      expect([...origins]).toEqual([address]);
    } finally {
      await browser.close();
      await stop();
    }
  });
});
