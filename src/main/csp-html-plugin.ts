/**
 * Build-time, not runtime: the vite plugin that writes the renderer's CSP meta tag from
 * src/shared/csp.ts, used by the desktop renderer build and the browser-mode build alike,
 * so the meta tag, the Electron header and the server header are one policy.
 */
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';

const CHARSET_META = /<meta\s+charset=[^>]*>/i;

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;');
}

/**
 * The page with the policy's meta tag right after `<meta charset>`: ahead of every script
 * and style tag it must govern, and leaving the charset in the first 1024 bytes.
 */
export function withCspMetaTag(html: string, policy = CONTENT_SECURITY_POLICY): string {
  const tag = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(policy)}" />`;
  if (!CHARSET_META.test(html))
    throw new Error('index.html: no <meta charset> in <head> to put the CSP meta tag after');
  return html.replace(CHARSET_META, (charset) => `${charset}\n    ${tag}`);
}

export function cspMetaTagPlugin(): Plugin {
  return {
    name: 'variantdesk-csp-meta-tag',
    // Only built pages: the dev server injects an inline React refresh preamble that the
    // strict policy would block (and Electron sends no CSP header in development either).
    apply: 'build',
    transformIndexHtml: { order: 'pre', handler: (html) => withCspMetaTag(html) },
  };
}
