/**
 * The whole security policy of the desktop app in one place: every window is isolated and
 * sandboxed, cannot open windows, navigate away, attach webviews or get permissions, and
 * its pages carry a CSP that allows no remote origin.
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

export { CONTENT_SECURITY_POLICY };

export function secureWebPreferences(
  preload: string,
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
  };
}

/** True for the app's own pages: the bundled files, or the dev server in development. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.startsWith('file://');
}

export function secureWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function secureSession(session: Session, devServerUrl?: string): void {
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
  // No request leaves the machine: only the app's files (and the dev server) load.
  session.webRequest.onBeforeRequest((details, callback) => {
    const local =
      isAppUrl(details.url, devServerUrl) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:');
    callback({ cancel: !local });
  });
}
