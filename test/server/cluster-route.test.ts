import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from './api-helpers';

const FLU = readFileSync(
  resolve(import.meta.dirname, '../../resources/examples/flu-h3n2-ha/sequences.fasta'),
  'utf8',
);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function serve() {
  const { core, api, stop } = await startServer();
  cleanups.push(stop);
  return { core, app: api };
}

describe('POST /cluster', () => {
  it('clusters posted FASTA text and answers with metrics, summaries and assignments', async () => {
    const { app } = await serve();
    const response = await app.inject({
      method: 'POST',
      url: '/cluster',
      payload: { sequences: FLU, name: 'flu week 3', params: { embed: 'pca', k: 3 } },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.clustering).toMatchObject({ sequenceCount: 48, clusterCount: 3 });
    expect(body.clustering.clusters.reduce((n: number, c: { size: number }) => n + c.size, 0)).toBe(
      48,
    );
    expect(body.assignments).toHaveLength(48);
    expect(body.assignments[0]).toMatchObject({
      id: expect.any(String),
      cluster: expect.any(Number),
    });
    expect(body.assignments[0].coordinates).toHaveLength(2);

    // The same dataset by id, without waiting: 202 and a job to follow.
    const queued = await app.inject({
      method: 'POST',
      url: '/cluster',
      payload: { datasetId: body.datasetId, wait: false, params: { embed: 'pca', k: 2 } },
    });
    expect(queued.statusCode).toBe(202);
    expect(queued.json()).toMatchObject({ jobId: expect.any(String), datasetId: body.datasetId });
  }, 60_000);

  it('accepts records as JSON and refuses bad input with 400/404 and a precise message', async () => {
    const { app } = await serve();
    const post = (payload: unknown) =>
      app.inject({ method: 'POST', url: '/cluster', payload: payload as object });
    const both = await post({ datasetId: 1, sequences: '>a\nACGT\n' });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toMatch(/either datasetId or sequences/);
    const unknown = await post({ datasetId: 1, params: { clusters: 3 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/clusters/);
    const badId = await post({ sequences: [{ id: 'a b', sequence: 'ACGT' }] });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().message).toMatch(/ids have no spaces/);
    expect((await post({ datasetId: 99 })).statusCode).toBe(404);
    const tooFew = await post({ sequences: [{ id: 'a', sequence: 'ACGTACGTAC' }] });
    expect(tooFew.statusCode).toBe(400);
    expect(tooFew.json().message).toMatch(/at least 5/);
  }, 60_000);
});
