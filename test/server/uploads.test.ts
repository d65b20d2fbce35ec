/** `POST /api/uploads`: the size limit and the file name header. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './api-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function serve(maxUploadBytes?: number) {
  const server = await startServer(undefined, maxUploadBytes ? { maxUploadBytes } : {});
  cleanups.push(server.stop);
  return server;
}

function stagedFiles(dataDir: string): string[] {
  const dir = join(dataDir, 'uploads');
  return existsSync(dir) ? readdirSync(dir) : [];
}

const fasta = (bytes: number) => `>a\n${'A'.repeat(bytes - 4)}\n`;

describe('POST /api/uploads', () => {
  it('refuses a body over the limit with 413 and a message naming it, keeping nothing', async () => {
    const { core, api } = await serve(1024);
    const headers = { 'content-type': 'application/octet-stream', 'x-file-name': 'big.fasta' };
    const fits = await api.inject({
      method: 'POST',
      url: '/api/uploads',
      headers,
      payload: fasta(1024),
    });
    expect(fits.statusCode).toBe(200);

    const declared = await api.inject({
      method: 'POST',
      url: '/api/uploads',
      headers,
      payload: fasta(1025),
    });
    expect(declared.statusCode).toBe(413);
    expect(declared.json()).toEqual({
      kind: 'invalid-input',
      message:
        "the upload 'big.fasta' is larger than this server's limit of 1 KB (serve --max-upload-bytes)",
    });
    // A body sent without a length (chunked) is cut off at the limit.
    const chunks = [fasta(600), fasta(600)];
    const streamed = await api.inject({
      method: 'POST',
      url: '/api/uploads',
      headers,
      payload: Readable.from(chunks),
    });
    expect(streamed.statusCode).toBe(413);
    expect(streamed.json().message).toMatch(/larger than this server's limit of 1 KB/);
    expect(stagedFiles(core.dataDir)).toHaveLength(1);
  });

  it('has a limit of 4 GB unless configured', async () => {
    const { api } = await serve();
    const response = await api.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        'content-type': 'application/octet-stream',
        'content-length': String(4 * 1024 ** 3 + 1),
        'x-file-name': 'huge.fasta',
      },
      payload: '',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toMatch(/limit of 4 GB/);
  });

  it('refuses a malformed x-file-name with 400 and no server path in the answer', async () => {
    const { core, api } = await serve();
    const response = await api.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': '%E0%A4%A' },
      payload: fasta(100),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      kind: 'invalid-input',
      message:
        "the x-file-name header '%E0%A4%A' is not a percent-encoded file name (encodeURIComponent of the name)",
    });
    expect(response.body).not.toContain(core.dataDir);
    expect(stagedFiles(core.dataDir)).toEqual([]);
  });
});
