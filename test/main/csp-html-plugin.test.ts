import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspMetaTagPlugin, withCspMetaTag } from '../../src/main/csp-html-plugin';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import electronViteConfig from '../../electron.vite.config';
import webViteConfig from '../../vite.web.config';

const ROOT = resolve(import.meta.dirname, '../..');
const pluginNames = (plugins: unknown): string[] =>
  [plugins]
    .flat(Infinity)
    .map((plugin) => (plugin as { name?: string } | null)?.name ?? '')
    .filter(Boolean);

describe('one CSP for the meta tag and the header', () => {
  it('writes the shared policy into the built page right after its charset', () => {
    const plugin = cspMetaTagPlugin();
    expect(plugin.apply).toBe('build');
    const transform = plugin.transformIndexHtml as { handler: (html: string) => string };
    const source = readFileSync(resolve(ROOT, 'src/renderer/index.html'), 'utf8');
    const built = transform.handler(source);
    const metas = [
      ...built.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g),
    ];
    expect(metas.map((m) => m[1])).toEqual([CONTENT_SECURITY_POLICY]);
    const charsetAt = built.indexOf('<meta charset');
    expect(charsetAt).toBeGreaterThanOrEqual(0);
    expect(charsetAt).toBeLessThan(built.indexOf('http-equiv'));
    expect(built.indexOf('http-equiv')).toBeLessThan(built.indexOf('<script'));
  });

  it('refuses a page without <meta charset> rather than emit it without a policy', () => {
    expect(() => withCspMetaTag('<html><head><title>x</title></head></html>')).toThrow(
      /index\.html: no <meta charset>/,
    );
  });

  it('leaves no hand-written policy in the page source to drift from the shared one', () => {
    const html = readFileSync(resolve(ROOT, 'src/renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/http-equiv=["']?content-security-policy/i);
  });

  it('is used by both the desktop renderer build and the browser-mode build', () => {
    const name = cspMetaTagPlugin().name;
    const desktop = electronViteConfig as { renderer?: { plugins?: unknown } };
    expect(pluginNames(desktop.renderer?.plugins)).toContain(name);
    expect(pluginNames((webViteConfig as { plugins?: unknown }).plugins)).toContain(name);
  });
});
