/**
 * What the server answers before any route runs: only requests addressed to itself (no DNS
 * rebinding), no state change from a foreign page (Origin), and the token on loopback too.
 */
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VariantDeskCore } from '../../src/core/variantdesk-core';
import { createServer } from '../../src/server/app';
import { tempDir } from '../helpers/genomes';
import { startServer, TEST_TOKEN } from './api-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function listening() {
  const server = await startServer();
  cleanups.push(server.stop);
  const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...server, address, port: Number(new URL(address).port) };
}

interface Answer {
  status: number;
  body: string;
}

/** A raw HTTP request, so the Host header is whatever the test says (as curl -H sends it). */
function send(
  port: number,
  path: string,
  headers: Record<string, string>,
  method = 'GET',
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}

const bearer = { authorization: `Bearer ${TEST_TOKEN}` };

describe('Host check (DNS rebinding)', () => {
  it('refuses a foreign Host on every route, /api/health included', async () => {
    const { port } = await listening();
    for (const path of ['/api/health', '/health', '/api/rpc/listDatasets', '/']) {
      const refused = await send(port, path, { host: `evil.example:${port}`, ...bearer });
      expect(refused.status, path).toBe(421);
      expect(JSON.parse(refused.body).message).toBe(
        `this server answers only requests addressed to it (127.0.0.1:${port} or localhost:${port}), not to 'evil.example:${port}'`,
      );
    }
    expect((await send(port, '/api/health', { host: 'evil.example' })).status).toBe(421);
    // The right name on another port is another server.
    expect((await send(port, '/api/health', { host: `127.0.0.1:${port + 1}` })).status).toBe(421);
  });

  it('answers its own address and the loopback names with its port', async () => {
    const { port } = await listening();
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      const answer = await send(port, '/api/health', { host });
      expect(answer.status, host).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ status: 'ok' });
    }
  });

  it('answers a server bound to ::1 under [::1] with its port', async () => {
    const core = new VariantDeskCore(join(tempDir(), 'data'));
    const app = await createServer({ core, token: TEST_TOKEN });
    cleanups.push(async () => {
      await app.close();
      await core.close();
    });
    let address: string;
    try {
      address = await app.listen({ port: 0, host: '::1' });
    } catch {
      return; // No IPv6 loopback on this machine.
    }
    const port = Number(new URL(address).port);
    const answer = await fetch(`http://[::1]:${port}/api/health`);
    expect(answer.status).toBe(200);
  });
});

describe('Origin check (cross-site requests)', () => {
  it('refuses a state-changing request from a foreign page, allows its own page and curl', async () => {
    const { port } = await listening();
    const own = `http://127.0.0.1:${port}`;
    const json = { 'content-type': 'application/json', host: `127.0.0.1:${port}`, ...bearer };
    for (const origin of ['http://evil.example', `http://evil.example:${port}`, 'null']) {
      for (const path of ['/api/rpc/listDatasets', '/api/rpc/deleteDataset', '/predict']) {
        const refused = await send(port, path, { ...json, origin }, 'POST', '{}');
        expect(refused.status, `${origin} ${path}`).toBe(403);
        expect(JSON.parse(refused.body).message).toBe(
          `cross-site request refused: Origin '${origin}' is not this server (${own})`,
        );
      }
      const upload = await send(
        port,
        '/api/uploads',
        {
          ...bearer,
          host: `127.0.0.1:${port}`,
          origin,
          'content-type': 'application/octet-stream',
        },
        'POST',
        '>a\nACGT\n',
      );
      expect(upload.status, `${origin} upload`).toBe(403);
    }
    const fromPage = await send(
      port,
      '/api/rpc/listDatasets',
      { ...json, origin: own },
      'POST',
      '{}',
    );
    expect(fromPage.status).toBe(200);
    const fromLocalhost = await send(
      port,
      '/api/rpc/listDatasets',
      { ...json, host: `localhost:${port}`, origin: `http://localhost:${port}` },
      'POST',
      '{}',
    );
    expect(fromLocalhost.status).toBe(200);
    const fromCurl = await send(port, '/api/rpc/listDatasets', json, 'POST', '{}');
    expect(JSON.parse(fromCurl.body)).toEqual([]);
  });
});

describe('access token on loopback', () => {
  it('is required on the API, not on /health and /api/health', async () => {
    const { port, address } = await listening();
    const host = { host: `127.0.0.1:${port}` };
    const noToken = await send(port, '/api/rpc/listDatasets', host, 'POST');
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toEqual({
      kind: 'invalid-input',
      message: 'missing or wrong access token',
    });
    for (const path of ['/api/events', '/info', '/docs/json', '/metrics', '/']) {
      expect((await send(port, path, host)).status, path).toBe(401);
    }
    expect((await fetch(`${address}/api/health`)).status).toBe(200);
    expect(await (await fetch(`${address}/health`)).json()).toEqual({ status: 'ok' });
  });

  it('streams job events to a page that holds the token cookie', async () => {
    const { address } = await listening();
    const opened = await fetch(`${address}/info?token=${TEST_TOKEN}`);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0]!;
    const controller = new AbortController();
    const events = await fetch(`${address}/api/events`, {
      headers: { cookie },
      signal: controller.signal,
    });
    expect(events.status).toBe(200);
    expect(events.headers.get('content-type')).toMatch(/^text\/event-stream/);
    controller.abort();
  });

  it('cannot be left out or empty', async () => {
    const core = new VariantDeskCore(join(tempDir(), 'data'));
    cleanups.push(() => core.close());
    await expect(createServer({ core, token: '' })).rejects.toThrow(
      /the server needs an access token/,
    );
  });
});
