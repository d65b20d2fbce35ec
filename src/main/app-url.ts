/**
 * Which URLs are the app's own. Pure (no electron import) so the rules are unit-tested in Node.
 * The bundled renderer is served from one fixed origin, `app://renderer`; in development the
 * dev server's origin is the app too. Origins are compared parsed, never by string prefix.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for `app://renderer/...` exactly: no other host, port or credentials. */
function isBundledAppUrl(url: URL): boolean {
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/** The dev server's origin (`http://localhost:5173`), or null when it has none. */
function devServerOrigin(devServerUrl: string | undefined): string | null {
  const parsed = devServerUrl ? parseUrl(devServerUrl) : null;
  return parsed && parsed.origin !== 'null' ? parsed.origin : null;
}

/** True for the app's own pages: the bundled renderer, or the dev server in development. */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (isBundledAppUrl(parsed)) return true;
  const devOrigin = devServerOrigin(devServerUrl);
  return devOrigin !== null && parsed.origin === devOrigin;
}

/** The dev server's hot-reload socket: ws(s) on the dev server's own host and port. */
function isDevServerSocket(url: URL, devServerUrl: string | undefined): boolean {
  const devOrigin = devServerOrigin(devServerUrl);
  if (devOrigin === null || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) return false;
  const asHttp = `${url.protocol === 'wss:' ? 'https:' : 'http:'}//${url.host}`;
  return parseUrl(asHttp)?.origin === devOrigin;
}

export interface RequestPolicy {
  devServerUrl?: string;
  /** DevTools load their own `devtools://` pages; allowed only when DevTools are on. */
  devTools?: boolean;
}

/** What the session lets any page load: the app itself, inline data, and nothing remote. */
export function isAllowedRequestUrl(url: string, policy: RequestPolicy = {}): boolean {
  const parsed = parseUrl(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return true;
  if (parsed.protocol === 'devtools:') return policy.devTools === true;
  return isAppUrl(url, policy.devServerUrl) || isDevServerSocket(parsed, policy.devServerUrl);
}
