import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './api-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

// The health checks answer without it.
const OPEN = ['/health', '/api/health'];
const ENDPOINTS = [
  ['GET', '/info'],
  ['GET', '/models/current'],
  ['GET', '/metrics'],
  ['GET', '/docs'],
  ['GET', '/docs/json'],
  ['GET', '/docs/static/swagger-ui-bundle.js'],
  ['POST', '/classify'],
  ['POST', '/inference/classify'],
  ['POST', '/predict'],
  ['POST', '/predict-batch'],
] as const;

describe('access token', () => {
  it('is checked on every endpoint of the classification API, its docs and metrics', async () => {
    const { app, stop } = await startServer('s3cret');
    cleanups.push(stop);
    for (const url of OPEN) {
      const open = await app.inject({ method: 'GET', url });
      expect(open.statusCode, url).toBe(200);
      expect(open.json()).toEqual({ status: 'ok' });
    }
    for (const [method, url] of ENDPOINTS) {
      const payload = method === 'POST' ? { sequence: 'ACGT!' } : undefined;
      const refused = await app.inject({ method, url, payload });
      expect(refused.statusCode, `${method} ${url}`).toBe(401);
      expect(refused.json()).toEqual({
        kind: 'invalid-input',
        message: 'missing or wrong access token',
      });
      const wrong = await app.inject({
        method,
        url,
        payload,
        headers: { authorization: 'Bearer s3cre' },
      });
      expect(wrong.statusCode, `${method} ${url} with a wrong token`).toBe(401);
      const allowed = await app.inject({
        method,
        url,
        payload,
        headers: { authorization: 'Bearer s3cret' },
      });
      // Past the token check: GETs answer, the bad POST bodies are refused for what they are.
      expect(allowed.statusCode, `${method} ${url} with the token`).toBe(
        method === 'GET' ? 200 : 400,
      );
    }
  });

  it('sends the docs page opened with ?token= to its bare address, with the cookie set', async () => {
    const { app, stop } = await startServer('s3cret');
    cleanups.push(stop);
    const opened = await app.inject({ url: '/docs?token=s3cret' });
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe('/docs');
    const cookie = String(opened.headers['set-cookie']).split(';')[0]!;
    const page = await app.inject({ url: '/docs', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/swagger-ui-bundle\.js/);
    const document = await app.inject({ url: '/docs/json', headers: { cookie } });
    expect(document.json().paths['/classify']).toBeDefined();
  });
});
