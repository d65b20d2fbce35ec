/**
 * The page's own defences in browser mode: its CSP (meta tag and response header, both the
 * one policy of src/shared/csp.ts) lets no remote origin in, and the API refuses requests
 * without the token when one is set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { startApp, type AppHandle } from './harness';

let app: AppHandle | undefined;
afterEach(async ({ task }) => {
  await app?.close(task);
  app = undefined;
});

describe('browser-mode security', () => {
  it('serves the app with a CSP that blocks remote scripts, images and connections', async () => {
    app = await startApp();
    const { page } = app;
    const response = await page.request.get(app.url);
    expect(response.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const metaPolicies = await page.evaluate(() =>
      [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map(
        (meta) => (meta as HTMLMetaElement).content,
      ),
    );
    expect(metaPolicies).toEqual([CONTENT_SECURITY_POLICY]);

    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
      const script = document.createElement('script');
      script.src = 'https://cdn.example.org/evil.js';
      document.body.append(script);
      const img = document.createElement('img');
      img.src = 'https://tracker.example.org/pixel.png';
      document.body.append(img);
      const fetched = await fetch('https://api.example.org/exfiltrate').then(
        () => 'sent',
        () => 'blocked',
      );
      await new Promise((r) => setTimeout(r, 200));
      return { seen, fetched };
    });
    expect(violations.fetched).toBe('blocked');
    expect(violations.seen).toEqual(
      expect.arrayContaining(['script-src-elem', 'img-src', 'connect-src']),
    );
  });

  it('exposes no Node or Electron globals to the page', async () => {
    app = await startApp();
    const globals = await app.page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
    }));
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
    });
  });
});
