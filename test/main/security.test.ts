import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAppUrl,
  secureSession,
  secureWebContents,
  secureWebPreferences,
} from '../../src/main/security';

// Electron is not loaded here: these fakes record what the policy installs on real
// WebContents and Session objects.
class FakeContents extends EventEmitter {
  windowOpenHandler?: () => { action: string };
  setWindowOpenHandler(handler: () => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits an Electron-style event and says whether a handler prevented it. */
  attempt(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
  /** Emits an event whose details (`url`, `isMainFrame`) ride on the event object itself. */
  attemptWithDetails(name: string, details: Record<string, unknown>): boolean {
    let prevented = false;
    this.emit(name, { ...details, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function fakeSession() {
  const handlers: Record<string, (...args: never[]) => void> = {};
  const session = {
    setPermissionRequestHandler: (h: never) => (handlers.request = h),
    setPermissionCheckHandler: (h: never) => (handlers.check = h),
    webRequest: {
      onHeadersReceived: (h: never) => (handlers.headers = h),
      onBeforeRequest: (h: never) => (handlers.before = h),
    },
  };
  return { session, handlers };
}

describe('security policy', () => {
  it('isolates and sandboxes every window', () => {
    expect(secureWebPreferences('/app/preload.cjs', { devTools: false })).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it('opens DevTools only in development builds', () => {
    expect(secureWebPreferences('/app/preload.cjs', { devTools: false }).devTools).toBe(false);
    expect(secureWebPreferences('/app/preload.cjs', { devTools: true }).devTools).toBe(true);
  });

  it('denies window.open, navigation away and webviews', () => {
    const contents = new FakeContents();
    secureWebContents(contents as never);
    expect(contents.windowOpenHandler?.()).toEqual({ action: 'deny' });
    expect(contents.attempt('will-navigate', 'https://example.org/')).toBe(true);
    expect(contents.attempt('will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(contents.attempt('will-navigate', 'file:///app/out/renderer/index.html')).toBe(true);
    expect(contents.attempt('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(contents.attempt('will-attach-webview')).toBe(true);
  });

  it('denies any frame, sub-frames included, navigating away from the app', () => {
    const contents = new FakeContents();
    secureWebContents(contents as never, 'http://localhost:5173');
    const navigate = (url: string, isMainFrame: boolean) =>
      contents.attemptWithDetails('will-frame-navigate', { url, isMainFrame });
    expect(navigate('https://example.org/', false)).toBe(true);
    expect(navigate('file:///home/analyst/evil.html', false)).toBe(true);
    expect(navigate('http://localhost:5173.evil.com/', true)).toBe(true);
    expect(navigate('app://renderer/index.html', true)).toBe(false);
    expect(navigate('http://localhost:5173/', true)).toBe(false);
  });

  it('denies every permission, blocks remote requests and sets a CSP with no remote origin', () => {
    const { session, handlers } = fakeSession();
    secureSession(session as never);
    const granted = vi.fn();
    (handlers.request as (...a: unknown[]) => void)({}, 'media', granted);
    expect(granted).toHaveBeenCalledWith(false);
    expect((handlers.check as () => boolean)()).toBe(false);

    const before = vi.fn();
    (handlers.before as (...a: unknown[]) => void)({ url: 'https://cdn.example.org/x.js' }, before);
    expect(before).toHaveBeenCalledWith({ cancel: true });
    (handlers.before as (...a: unknown[]) => void)({ url: 'file:///app/index.html' }, before);
    expect(before).toHaveBeenLastCalledWith({ cancel: true });
    (handlers.before as (...a: unknown[]) => void)({ url: 'app://renderer/index.html' }, before);
    expect(before).toHaveBeenLastCalledWith({ cancel: false });

    const headers = vi.fn();
    (handlers.headers as (...a: unknown[]) => void)({ responseHeaders: {} }, headers);
    const csp = headers.mock.calls[0]![0].responseHeaders['Content-Security-Policy'][0] as string;
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(csp).toContain("default-src 'self'");
  });

  it('treats only the bundled files and the dev server as the app', () => {
    expect(isAppUrl('app://renderer/index.html')).toBe(true);
    expect(isAppUrl('file:///x/index.html')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
  });
});
