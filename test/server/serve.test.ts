/** `variantdesk serve` as a user starts it: the access token from the environment. */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/genomes';

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
      if (/Data directory: .*\n/.test(output)) done(output);
    });
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${output}`)));
  });
}

describe('variantdesk serve', () => {
  it('takes the access token from VARIANTDESK_TOKEN and checks it on every request', async () => {
    const output = await serve([], { VARIANTDESK_TOKEN: 'from-env' });
    const address = /running at (http:\/\/127\.0\.0\.1:\d+)\/\?token=from-env/.exec(output)?.[1];
    expect(address, output).toBeDefined();
    for (const path of ['/health', '/info', '/docs/json', '/metrics']) {
      expect((await fetch(`${address}${path}`)).status, path).toBe(401);
      const allowed = await fetch(`${address}${path}`, {
        headers: { authorization: 'Bearer from-env' },
      });
      expect(allowed.status, path).toBe(200);
    }
    const refused = await fetch(`${address}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sequence: 'ACGT' }),
    });
    expect(refused.status).toBe(401);
  });

  it('prefers --token to the environment, and needs none on loopback without either', async () => {
    const withFlag = await serve(['--token', 'from-flag'], { VARIANTDESK_TOKEN: 'from-env' });
    const address = /running at (http:\/\/[^/]+)\//.exec(withFlag)![1];
    const envToken = await fetch(`${address}/health`, {
      headers: { authorization: 'Bearer from-env' },
    });
    expect(envToken.status).toBe(401);
    expect((await fetch(`${address}/health?token=from-flag`)).status).toBe(200);

    const open = await serve([], { VARIANTDESK_TOKEN: '' });
    expect(open).not.toMatch(/Access token/);
    const openAddress = /running at (http:\/\/[^/]+)\//.exec(open)![1];
    expect(await (await fetch(`${openAddress}/health`)).json()).toEqual({ status: 'ok' });
  });
});
