/**
 * The `app://renderer` protocol: serves the built renderer folder and nothing outside it.
 * Pure Node (electron types only) so the path rules are unit-tested without Electron.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Privileges } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { APP_HOST, APP_SCHEME } from './app-url';

/** Registered before `ready`: a secure standard origin (so 'self', fetch and workers work). */
export const APP_SCHEME_PRIVILEGES: Privileges = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  // Module scripts and workers are fetched in CORS mode, even from their own origin.
  corsEnabled: true,
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export class AppRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request path, percent-decoded; `/` is the entry page. */
function decodedPathname(url: URL): string {
  try {
    const pathname = decodeURIComponent(url.pathname);
    return pathname === '/' || pathname === '' ? '/index.html' : pathname;
  } catch {
    throw new AppRequestError(400, `${url.href}: malformed percent-encoding in the path`);
  }
}

/**
 * The file under `rendererDir` that an `app://renderer/...` URL names, or null when the URL
 * is not the app's or its decoded path resolves outside the folder (`..`, an absolute path,
 * an encoded slash or backslash, a NUL byte).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const pathname = decodedPathname(url);
  if (pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${sep}${pathname.replace(/^[/\\]+/, '')}`);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return null;
  return file;
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

async function readAppFile(rendererDir: string, url: string): Promise<Response> {
  const file = resolveAppFile(rendererDir, url);
  const stats = file ? await stat(file).catch(() => null) : null;
  if (!file || !stats?.isFile()) return textResponse(404, `${url}: no such file in the app`);
  return new Response(await readFile(file), {
    headers: {
      'content-type': mimeTypeOf(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The `protocol.handle('app', ...)` handler over the built renderer folder. */
export function createAppProtocolHandler(
  rendererDir: string,
): (request: { url: string; method?: string }) => Promise<Response> {
  return async ({ url, method = 'GET' }) => {
    if (method !== 'GET' && method !== 'HEAD')
      return textResponse(405, `${url}: ${method} is not allowed, the app's files are read-only`);
    try {
      return await readAppFile(rendererDir, url);
    } catch (error) {
      if (error instanceof AppRequestError) return textResponse(error.status, error.message);
      throw error;
    }
  };
}
