/** `variantdesk serve` as a user starts it: the access token, import folders, upload limit. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/genomes';
import { EXAMPLE_FASTA } from './api-helpers';

const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const running: ChildProcess[] = [];
afterEach(async () => {
  for (const child of running.splice(0)) {
    if (child.exitCode !== null) continue;
    child.kill('SIGTERM');
    await once(child, 'exit');
  }
});

/** Starts the server on a free port; resolves with what it printed once it listens. */
async function serve(args: string[], env: Record<string, string>): Promise<string> {
  const dataDir = join(tempDir(), 'data');
  const child = spawn(
    process.execPath,
    [CLI, '--data-dir', dataDir, 'serve', '--port', '0', ...args],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  running.push(child);
  let output = '';
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done, fail) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/Access token: .*\n/.test(output)) done(output);
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${output}`)));
  });
}

/** A GET with the Host header given, as `curl -H 'Host: ...'` sends it. */
function getWithHost(address: string, path: string, host: string): Promise<number> {
  const { hostname, port } = new URL(address);
  return new Promise((resolve, reject) => {
    const request = httpGet({ hostname, port, path, headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
  });
}

function listDatasets(address: string, token?: string): Promise<Response> {
  return fetch(`${address}/api/rpc/listDatasets`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: '{}',
  });
}

describe('variantdesk serve', () => {
  it('takes the access token from VARIANTDESK_TOKEN and checks it on every request', async () => {
    const output = await serve([], { VARIANTDESK_TOKEN: 'from-env' });
    const address = /running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=from-env/.exec(output)?.[1];
    expect(address, output).toBeDefined();
    for (const path of ['/info', '/docs/json', '/metrics']) {
      expect((await fetch(`${address}${path}`)).status, path).toBe(401);
      const allowed = await fetch(`${address}${path}`, {
        headers: { authorization: 'Bearer from-env' },
      });
      expect(allowed.status, path).toBe(200);
    }
    // The health checks answer without it.
    expect((await fetch(`${address}/health`)).status).toBe(200);
    const refused = await fetch(`${address}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sequence: 'ACGT' }),
    });
    expect(refused.status).toBe(401);
  });

  it('prefers --token to the environment, and generates one per launch without either', async () => {
    const withFlag = await serve(['--token', 'from-flag'], { VARIANTDESK_TOKEN: 'from-env' });
    const address = /running at (http:\/\/[^/]+)\//.exec(withFlag)![1];
    const envToken = await fetch(`${address}/info`, {
      headers: { authorization: 'Bearer from-env' },
    });
    expect(envToken.status).toBe(401);
    expect((await fetch(`${address}/info?token=from-flag`)).status).toBe(200);

    const launches = await Promise.all([
      serve([], { VARIANTDESK_TOKEN: '' }),
      serve([], { VARIANTDESK_TOKEN: '' }),
    ]);
    const tokens = launches.map((output) => {
      const [, url, token] = /running at (http:\/\/[^/]+)\/\?token=([\w-]+)\n/.exec(output) ?? [];
      expect(output).toContain(`Access token: ${token}\n`);
      return { url: url!, token: token! };
    });
    expect(tokens[0]!.token).toMatch(/^[\w-]{24}$/);
    expect(tokens[0]!.token).not.toBe(tokens[1]!.token);
    const { url, token } = tokens[0]!;
    expect((await listDatasets(url)).status).toBe(401);
    expect(await (await listDatasets(url, token)).json()).toEqual([]);
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ status: 'ok' });
  });

  it('refuses a foreign Host, even on /api/health', async () => {
    const output = await serve([], { VARIANTDESK_TOKEN: '' });
    const address = /running at (http:\/\/[^/]+)\//.exec(output)![1]!;
    expect(await getWithHost(address, '/api/health', 'evil.example')).toBe(421);
    expect(await getWithHost(address, '/api/health', new URL(address).host)).toBe(200);
  });

  it('imports files under --allow-path, and limits uploads to --max-upload-bytes', async () => {
    const folder = tempDir();
    const allowed = join(folder, 'sequences.fasta.gz');
    copyFileSync(EXAMPLE_FASTA, allowed);
    const output = await serve(['--allow-path', folder, '--max-upload-bytes', '1K'], {
      VARIANTDESK_TOKEN: 'local',
    });
    expect(output).toContain(`Clients may import files under: ${folder}\n`);
    const address = /running at (http:\/\/[^/]+)\//.exec(output)![1]!;
    const headers = { authorization: 'Bearer local', 'content-type': 'application/json' };
    const imported = await fetch(`${address}/api/rpc/importFiles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ files: [{ path: allowed }] }),
    });
    expect(imported.status).toBe(200);
    const outside = await fetch(`${address}/api/rpc/importFiles`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ files: [{ path: EXAMPLE_FASTA }] }),
    });
    expect(outside.status).toBe(404);
    const upload = await fetch(`${address}/api/uploads`, {
      method: 'POST',
      headers: { authorization: 'Bearer local', 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(2048, 65),
    });
    expect(upload.status).toBe(413);
    const { message } = (await upload.json()) as { message: string };
    expect(message).toMatch(/limit of 1 KB \(serve --max-upload-bytes\)/);
  });

  it('refuses to start with an --allow-path that is no folder', async () => {
    const missing = join(tempDir(), 'nowhere');
    await expect(serve(['--allow-path', missing], {})).rejects.toThrow(
      `serve exited with 2: variantdesk: --allow-path ${missing}: no such folder`,
    );
  });
});
