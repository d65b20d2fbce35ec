import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAllowedRequestUrl, isAppUrl } from '../../src/main/security';

const DEV = 'http://localhost:5173';

describe('isAppUrl: the app is exactly its own origin', () => {
  it('accepts the bundled renderer under app://renderer', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://renderer/assets/index-abc123.js')).toBe(true);
    expect(isAppUrl('app://renderer/')).toBe(true);
  });

  it('refuses any file:// page, other hosts of the scheme and look-alikes', () => {
    expect(isAppUrl('file:///home/analyst/Downloads/evil.html')).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html')).toBe(false);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('app://renderer.evil.com/index.html')).toBe(false);
    expect(isAppUrl('app://user@renderer/index.html')).toBe(false);
    expect(isAppUrl('app://renderer:8080/index.html')).toBe(false);
    expect(isAppUrl('https://renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });

  it('accepts the dev server by exact origin only, and only when one is running', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx?t=1', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.com/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost:51730/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
  });
});

describe('isAllowedRequestUrl: what the session lets the page load', () => {
  it('allows the app origin, data: and blob:, and refuses everything else', () => {
    expect(isAllowedRequestUrl('app://renderer/assets/plot.js')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://renderer/5c0e1f1a-0000-4000-8000-000000000000')).toBe(
      true,
    );
    expect(isAllowedRequestUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedRequestUrl('https://cdn.example.org/x.js')).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:4173/api/datasets')).toBe(false);
  });

  it('allows DevTools only when DevTools are enabled', () => {
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(
      isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html', { devTools: true }),
    ).toBe(true);
  });

  it('allows the dev server and its hot-reload socket by exact origin', () => {
    const dev = { devServerUrl: DEV };
    expect(isAllowedRequestUrl('http://localhost:5173/@vite/client', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=x', dev)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isAllowedRequestUrl('ws://localhost:5173/')).toBe(false);
    expect(isAllowedRequestUrl('http://localhost:5173.evil.com/x.js', dev)).toBe(false);
  });
});
