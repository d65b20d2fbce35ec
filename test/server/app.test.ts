import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { EXAMPLE_FASTA as EXAMPLE, startServer } from './api-helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function serve(token?: string) {
  const server = await startServer(token);
  cleanups.push(server.stop);
  return server;
}

describe('HTTP API', () => {
  it('sends the app CSP, nosniff and no-referrer on answers and on errors', async () => {
    const { api } = await serve();
    const answers = await Promise.all([
      api.inject({ method: 'GET', url: '/api/health' }),
      api.inject({ method: 'POST', url: '/api/rpc/listDatasets', payload: {} }),
      api.inject({ method: 'POST', url: '/api/rpc/getDataset', payload: { datasetId: 'x' } }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 400]);
    for (const answer of answers) {
      expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(answer.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('uploads a file, imports it as a job and lists the dataset', async () => {
    const { core, api } = await serve();
    const upload = await api.inject({
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
    const started = await api.inject({
      method: 'POST',
      url: '/api/rpc/importFiles',
      payload: { files: [file] },
    });
    const { jobId } = started.json() as { jobId: string };
    await core.jobs.wait(jobId);
    const job = (
      await api.inject({ method: 'POST', url: '/api/rpc/getJob', payload: { jobId } })
    ).json();
    expect(job).toMatchObject({ status: 'done', result: { records: { valid: 298 } } });
    const datasets = (
      await api.inject({ method: 'POST', url: '/api/rpc/listDatasets', payload: {} })
    ).json();
    expect(datasets).toHaveLength(1);
    expect(datasets[0]).toMatchObject({ name: 'week 47', sequenceCount: 298 });
  });

  it('answers bad input with 400 and a precise message, unknown things with 404', async () => {
    const { api } = await serve();
    const bad = await api.inject({
      method: 'POST',
      url: '/api/rpc/listSequences',
      payload: { datasetId: 'one' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ kind: 'invalid-input' });
    expect(bad.json().message).toMatch(/listSequences.*datasetId/s);
    const missing = await api.inject({
      method: 'POST',
      url: '/api/rpc/getDataset',
      payload: { datasetId: 7 },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('no dataset with id 7');
    const unknown = await api.inject({ method: 'POST', url: '/api/rpc/dropTables', payload: {} });
    expect(unknown.statusCode).toBe(404);
    const notJson = await api.inject({
      method: 'POST',
      url: '/api/rpc/listDatasets',
      headers: { 'content-type': 'application/json' },
      payload: '{oops',
    });
    expect(notJson.statusCode).toBe(400);
  });

  it('requires the token when one is set, and accepts it as header, query or cookie', async () => {
    const { app } = await serve('s3cret');
    expect((await app.inject({ method: 'GET', url: '/info' })).statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/info',
          headers: { authorization: 'Bearer nope' },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/info',
          headers: { authorization: 'Bearer s3cret' },
        })
      ).statusCode,
    ).toBe(200);
    const viaQuery = await app.inject({ method: 'GET', url: '/info?token=s3cret' });
    expect(viaQuery.statusCode).toBe(200);
    const cookie = String(viaQuery.headers['set-cookie']).split(';')[0]!;
    expect(
      (await app.inject({ method: 'GET', url: '/info', headers: { cookie } })).statusCode,
    ).toBe(200);
  });
});
