/**
 * The whole security policy of the desktop app in one place: every window is isolated and
 * sandboxed, cannot open windows, navigate any frame away from the app, attach webviews or
 * get permissions, has DevTools only in development, and its pages carry a CSP that allows
 * no remote origin. The app is exactly `app://renderer` (or the dev server): see app-url.ts.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { isAllowedRequestUrl, isAppUrl } from './app-url';

export { CONTENT_SECURITY_POLICY };
export { APP_ENTRY_URL, isAllowedRequestUrl, isAppUrl } from './app-url';

export interface WindowPolicy {
  /** True only in development builds (`!app.isPackaged`). */
  devTools: boolean;
}

export function secureWebPreferences(
  preload: string,
  { devTools }: WindowPolicy,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    devTools,
  };
}

export function secureWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  // will-navigate fires for the main frame only; this covers every frame, iframes included.
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url, devServerUrl)) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface SessionPolicy {
  devServerUrl?: string;
  devTools?: boolean;
}

export function secureSession(session: Session, policy: SessionPolicy = {}): void {
  const { devServerUrl } = policy;
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = {
      ...details.responseHeaders,
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    };
    // The dev server needs its own origin for hot reload; the packaged app gets the strict policy.
    callback({ responseHeaders: devServerUrl ? details.responseHeaders : headers });
  });
  // No request leaves the machine: only the app's own origin (and the dev server) load.
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url, policy) });
  });
}
