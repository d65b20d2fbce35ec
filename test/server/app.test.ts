import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VariantDeskCore } from '../../src/core/variantdesk-core';
import { createServer } from '../../src/server/app';
import { tempDir } from '../helpers/genomes';

const EXAMPLE = resolve(
  import.meta.dirname,
  '../../resources/examples/sars-cov-2/sequences.fasta.gz',
);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function serve(token?: string) {
  const core = new VariantDeskCore(join(tempDir(), 'data'));
  const app = await createServer({ core, token });
  cleanups.push(async () => {
    await app.close();
    await core.close();
  });
  return { core, app };
}

describe('HTTP API', () => {
  it('uploads a file, imports it as a job and lists the dataset', async () => {
    const { core, app } = await serve();
    const upload = await app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        'content-type': 'application/octet-stream',
        'x-file-name': encodeURIComponent('week 47.fa.gz'),
      },
      payload: readFileSync(EXAMPLE),
    });
    expect(upload.statusCode).toBe(200);
    const file = upload.json() as { path: string; name: string };
    expect(file.name).toBe('week 47.fa.gz');
    const started = await app.inject({
      method: 'POST',
      url: '/api/rpc/importFiles',
      payload: { files: [file] },
    });
    const { jobId } = started.json() as { jobId: string };
    await core.jobs.wait(jobId);
    const job = (
      await app.inject({ method: 'POST', url: '/api/rpc/getJob', payload: { jobId } })
    ).json();
    expect(job).toMatchObject({ status: 'done', result: { records: { valid: 298 } } });
    const datasets = (
      await app.inject({ method: 'POST', url: '/api/rpc/listDatasets', payload: {} })
    ).json();
    expect(datasets).toHaveLength(1);
    expect(datasets[0]).toMatchObject({ name: 'week 47', sequenceCount: 298 });
  });

  it('answers bad input with 400 and a precise message, unknown things with 404', async () => {
    const { app } = await serve();
    const bad = await app.inject({
      method: 'POST',
      url: '/api/rpc/listSequences',
      payload: { datasetId: 'one' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ kind: 'invalid-input' });
    expect(bad.json().message).toMatch(/listSequences.*datasetId/s);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/rpc/getDataset',
      payload: { datasetId: 7 },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('no dataset with id 7');
    const unknown = await app.inject({ method: 'POST', url: '/api/rpc/dropTables', payload: {} });
    expect(unknown.statusCode).toBe(404);
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/rpc/listDatasets',
      headers: { 'content-type': 'application/json' },
      payload: '{oops',
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('requires the token when one is set, and accepts it as header, query or cookie', async () => {
    const { app } = await serve('s3cret');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/health',
          headers: { authorization: 'Bearer nope' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/health',
          headers: { authorization: 'Bearer s3cret' },
        })
      ).statusCode,
    ).toBe(200);
    const viaQuery = await app.inject({ method: 'GET', url: '/api/health?token=s3cret' });
    expect(viaQuery.statusCode).toBe(200);
    const cookie = String(viaQuery.headers['set-cookie']).split(';')[0]!;
    expect(
      (await app.inject({ method: 'GET', url: '/api/health', headers: { cookie } })).statusCode,
    ).toBe(200);
  });
});
