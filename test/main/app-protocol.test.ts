import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppFile,
} from '../../src/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';

// A built renderer folder with a secret beside it, in a sibling whose name starts the same.
const SECRET = 'TOP-SECRET-KEY-7f3a';
let root: string;
let rendererDir: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'variantdesk-app-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>VariantDesk</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1);');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'blob.bin'), 'x');
  mkdirSync(join(root, 'renderer-secrets'));
  writeFileSync(join(root, 'renderer-secrets', 'key.txt'), SECRET);
  writeFileSync(join(root, 'secret.txt'), SECRET);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string) => createAppProtocolHandler(rendererDir)({ url, method: 'GET' });

describe('app:// protocol', () => {
  it('serves the renderer files with their MIME types and the CSP', async () => {
    const page = await get('app://renderer/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>VariantDesk</title>');

    const script = await get('app://renderer/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
    expect((await get('app://renderer/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('app://renderer/assets/blob.bin')).headers.get('content-type')).toBe(
      'application/octet-stream',
    );
    expect(await (await get('app://renderer/')).text()).toContain('<title>VariantDesk</title>');
  });

  it('refuses every path that resolves outside the renderer folder', async () => {
    // Encoded separators survive URL parsing and would climb out once decoded.
    const encodedEscapes = [
      'app://renderer/..%2fsecret.txt',
      'app://renderer/assets/..%2f..%2fsecret.txt',
      'app://renderer/..%2frenderer-secrets/key.txt',
    ];
    for (const url of encodedEscapes) expect(resolveAppFile(rendererDir, url), url).toBeNull();
    // Dot segments and absolute paths are folded into the folder, where no such file exists.
    const folded = [
      'app://renderer/../secret.txt',
      'app://renderer/%2e%2e/secret.txt',
      `app://renderer/${encodeURIComponent(join(root, 'secret.txt'))}`,
    ];
    for (const url of folded) {
      const file = resolveAppFile(rendererDir, url);
      expect(file?.startsWith(rendererDir + sep), url).toBe(true);
    }
    for (const url of [...encodedEscapes, ...folded]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).not.toContain(SECRET);
    }
  });

  it('refuses other hosts, missing files, folders, bad escapes and writes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(404);
    const missing = await get('app://renderer/nope.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('/nope.js');
    expect((await get('app://renderer/assets')).status).toBe(404);
    expect((await get('app://renderer/%E0%A4%A.js')).status).toBe(400);
    const post = await createAppProtocolHandler(rendererDir)({
      url: 'app://renderer/index.html',
      method: 'POST',
    });
    expect(post.status).toBe(405);
  });

  it('registers the scheme as a secure standard origin that cannot bypass the CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
    });
    expect(APP_SCHEME_PRIVILEGES.bypassCSP ?? false).toBe(false);
    expect(APP_SCHEME_PRIVILEGES.allowServiceWorkers ?? false).toBe(false);
  });
});
