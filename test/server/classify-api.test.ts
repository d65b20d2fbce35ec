import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Prediction } from '../../src/shared/classify-types';
import { VariantDeskCore } from '../../src/core/variantdesk-core';
import { createServer } from '../../src/server/app';
import { randomGenome, seededRandom, tempDir } from '../helpers/genomes';
import {
  EXAMPLE_FASTA,
  exampleGenomes,
  poster,
  sarsModelId,
  startServer,
  TEST_TOKEN,
  toFasta,
  type ExampleGenome,
  withToken,
  type Injector,
} from './api-helpers';

// Distinct clades, each assigned with high confidence by the bundled model.
const GENOMES = exampleGenomes(['XBB.2.3', 'EG.5.1.12', 'AY.52', 'B.1.177.32', 'BA.5.9']);

let app: Injector;
let stop: () => Promise<void>;
let post: ReturnType<typeof poster>;
beforeAll(async () => {
  ({ api: app, stop } = await startServer());
  post = poster(app);
});
afterAll(async () => stop());

function labelsById(predictions: Prediction[]): Record<string, string | null> {
  return Object.fromEntries(predictions.map((p) => [p.id, p.label]));
}

function cladesById(genomes: ExampleGenome[]): Record<string, string> {
  return Object.fromEntries(genomes.map((g) => [g.id, g.clade]));
}

describe('POST /classify', () => {
  it('classifies FASTA text with the production model of the detected pathogen', async () => {
    const genomes = GENOMES.slice(0, 3);
    const response = await post('/classify', toFasta(genomes), 'text/plain');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.model).toEqual({
      id: expect.any(Number),
      name: 'sars-cov-2-clade',
      version: expect.any(String),
      task: 'clade',
      pathogenId: 'sars-cov-2',
    });
    expect(body.predictions.map((p: Prediction) => p.id)).toEqual(genomes.map((g) => g.id));
    expect(labelsById(body.predictions)).toEqual(cladesById(genomes));
    expect(body.predictions[0]).toMatchObject({
      status: 'assigned',
      confidence: expect.any(Number),
      model: 'sars-cov-2-clade',
    });
    expect(body.predictions[0].top[0].label).toBe(genomes[0]!.clade);
    // Each genome (a tip of the shipped tree) is placed on its own lineage's node.
    for (const [i, p] of (body.predictions as Prediction[]).entries())
      expect(p.tree).toMatchObject({
        clade: genomes[i]!.clade,
        distance: 0,
        privateMutations: { reversions: [], labeled: [], unlabeled: [], deletions: [] },
      });
    expect(body.summary).toEqual({
      total: 3,
      assigned: 3,
      unassigned: 0,
      labels: Object.fromEntries(genomes.map((g) => [g.clade, 1])),
    });
  });

  it('takes text/x-fasta at /inference/classify, JSON fasta or records, and the model as a query parameter', async () => {
    const [first, second] = GENOMES.slice(3);
    const modelId = await sarsModelId(app);
    const asFasta = await post(
      `/inference/classify?model=${modelId}`,
      toFasta([first!]),
      'text/x-fasta',
    );
    expect(asFasta.statusCode).toBe(200);
    expect(asFasta.json().model.id).toBe(modelId);
    expect(labelsById(asFasta.json().predictions)).toEqual(cladesById([first!]));

    const asJsonFasta = await post('/classify', { fasta: toFasta([second!]), model: modelId });
    expect(labelsById(asJsonFasta.json().predictions)).toEqual(cladesById([second!]));

    // Lower case and RNA letters are read as DNA.
    const records = [
      { id: first!.id, sequence: first!.sequence.toLowerCase().replaceAll('t', 'u') },
    ];
    const asRecords = await post('/classify?pathogen=sars-cov-2', { sequences: records });
    expect(asRecords.statusCode).toBe(200);
    expect(asRecords.json().predictions[0].label).toBe(first!.clade);
    expect(asRecords.json().summary).toMatchObject({ total: 1, assigned: 1 });
  });

  it('refuses bad input with 400 and a message naming the record or field', async () => {
    const empty = await post('/classify', undefined);
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/^no sequences: send FASTA text/);

    const emptyText = await post('/classify', '\n\n', 'text/plain');
    expect(emptyText.statusCode).toBe(400);
    expect(emptyText.json().message).toMatch(/the FASTA text holds no record/);

    const emptyRecord = await post('/classify', '>a\nACGTACGT\n>b\n\n>c\nACGT\n', 'text/plain');
    expect(emptyRecord.statusCode).toBe(400);
    expect(emptyRecord.json()).toEqual({
      kind: 'invalid-input',
      message: "invalid FASTA: record 2 ('b', line 3): no sequence after the header",
    });

    const badFasta = await post('/classify', '>a\nACGT\nACG!T\n', 'text/x-fasta');
    expect(badFasta.json().message).toBe(
      "invalid FASTA: record 1 ('a', line 1): invalid character '!' (first at line 3, column 4)",
    );

    const noHeader = await post('/classify', { fasta: 'ACGT\n' });
    expect(noHeader.json().message).toMatch(
      /^invalid FASTA: line 1: sequence data before the first header/,
    );

    const sequences = ['ACGT', 'ACGT', 'ACGT', 'ACGTACGTACG!ACGT'].map((sequence, i) => ({
      id: `s${i}`,
      sequence,
    }));
    const badRecord = await post('/classify', { sequences });
    expect(badRecord.statusCode).toBe(400);
    expect(badRecord.json().message).toBe(
      "invalid body of POST /classify: sequences[3].sequence: contains characters that are not nucleotides: '!' at position 12",
    );

    const checks: [unknown, string][] = [
      [
        { sequences: [{ id: 'a', sequence: '--..' }] },
        'sequences[0].sequence: empty sequence (only gaps)',
      ],
      [{ sequences: [{ id: 'a b', sequence: 'ACGT' }] }, 'sequences[0].id: ids have no spaces'],
      [
        {
          sequences: [
            { id: 'a', sequence: 'AC' },
            { id: 'a', sequence: 'GT' },
          ],
        },
        "sequences[1].id: 'a' repeats the id of [0]",
      ],
      [{ sequences: [] }, 'sequences: no sequences'],
      [{ fasta: '>a\nACGT\n', sequences: [{ id: 'a', sequence: 'A' }] }, 'not both'],
      [{ fasta: '>a\nACGT\n', modle: 3 }, 'Unrecognized key: "modle"'],
      [{ fasta: '>a\nACGT\n', model: 'three' }, 'model: Invalid input: expected number'],
    ];
    for (const [payload, message] of checks) {
      const response = await post('/classify', payload);
      expect(response.statusCode, message).toBe(400);
      expect(response.json().message).toContain(message);
    }

    const badQuery = await post('/classify?model=abc', { fasta: '>a\nACGT\n' });
    expect(badQuery.json().message).toBe(
      'invalid query string of POST /classify: model: must be a model version id (a positive integer)',
    );
    const twice = await post('/classify?model=1', { fasta: '>a\nACGT\n', model: 2 });
    expect(twice.json().message).toMatch(/model is given twice, differently: '1' in the query/);
  });

  it('answers 404 for an unknown model or pathogen, 400 when the pathogen cannot be told', async () => {
    const genome = GENOMES[0]!;
    const unknownModel = await post('/classify', { fasta: toFasta([genome]), model: 999 });
    expect(unknownModel.statusCode).toBe(404);
    expect(unknownModel.json().message).toMatch(/999/);

    const unknownPathogen = await post('/classify?pathogen=ebola', toFasta([genome]), 'text/plain');
    expect(unknownPathogen.statusCode).toBe(404);
    expect(unknownPathogen.json().message).toMatch(/no production model for pathogen 'ebola'/);

    const noise = randomGenome(3000, seededRandom(7));
    const undetectable = await post('/classify', `>noise\n${noise}\n`, 'text/plain');
    expect(undetectable.statusCode).toBe(400);
    expect(undetectable.json().message).toMatch(
      /could not tell the pathogen.*choose the pathogen or a model/,
    );

    const modelId = await sarsModelId(app);
    const mismatch = await post('/classify', {
      fasta: toFasta([genome]),
      model: modelId,
      pathogen: 'rsv-a',
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().message).toMatch(/classifies sars-cov-2, not rsv-a/);
  });

  it('refuses more than 50,000 records with 413 and the limit', async () => {
    const many = '>s\nACGT\n'.repeat(50_001);
    const response = await post('/classify', many, 'text/plain');
    expect(response.statusCode).toBe(413);
    expect(response.json().message).toBe(
      'POST /classify takes at most 50,000 sequences per request (got 50,001); split the input into several requests',
    );
  });
});

describe('POST /predict and /predict-batch', () => {
  it('classifies one sequence, and a batch in the order posted', async () => {
    const [genome, ...rest] = GENOMES;
    const one = await post('/predict', { id: genome!.id, sequence: genome!.sequence });
    expect(one.statusCode).toBe(200);
    expect(one.json().model).toMatchObject({ name: 'sars-cov-2-clade', pathogenId: 'sars-cov-2' });
    expect(one.json().prediction).toMatchObject({ id: genome!.id, label: genome!.clade });

    const unnamed = await post('/predict', { sequence: genome!.sequence, pathogen: 'sars-cov-2' });
    expect(unnamed.json().prediction).toMatchObject({ id: 'sequence', label: genome!.clade });

    const batch = rest.slice(0, 3).reverse();
    const response = await post('/predict-batch', {
      sequences: batch.map(({ id, sequence }) => ({ id, sequence })),
    });
    expect(response.statusCode).toBe(200);
    const { predictions } = response.json() as { predictions: Prediction[] };
    expect(predictions.map((p) => [p.id, p.label])).toEqual(batch.map((g) => [g.id, g.clade]));
  });

  it('refuses bad input with 400, and too much with 413', async () => {
    const missing = await post('/predict', { id: 'a' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toMatch(
      /^invalid body of POST \/predict: sequence: Invalid input/,
    );
    const bad = await post('/predict', { id: 'a', sequence: 'ACGTNNXX' });
    expect(bad.json().message).toBe(
      "invalid body of POST /predict: sequence: contains characters that are not nucleotides: 'X' at position 7",
    );
    const notJson = await post('/predict', '>a\nACGT\n', 'text/plain');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().message).toMatch(/expected object, received string/);
    const badBatch = await post('/predict-batch', {
      sequences: [{ id: 'a', sequence: 'ACGT' }, { id: 'b' }],
    });
    expect(badBatch.json().message).toMatch(
      /^invalid body of POST \/predict-batch: sequences\[1\]\.sequence: /,
    );

    const huge = await post('/predict', { sequence: 'A'.repeat(1024 * 1024 + 1) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().message).toBe(
      'the request body is larger than the 1 MB limit of POST /predict',
    );
    const tooMany = await post('/predict-batch', {
      sequences: Array.from({ length: 10_001 }, (_, i) => ({ id: `s${i}`, sequence: 'ACGT' })),
    });
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.json().message).toMatch(
      /^POST \/predict-batch takes at most 10,000 sequences per request \(got 10,001\)/,
    );
  });
});

describe('a client that goes away', () => {
  it('cancels its classification, counted as 499', async () => {
    const { app: server, api, stop: stopServer } = await startServer();
    try {
      const address = await server.listen({ port: 0, host: '127.0.0.1' });
      const fasta = gunzipSync(readFileSync(EXAMPLE_FASTA)).toString('utf8');
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const request = fetch(`${address}/classify`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: `Bearer ${TEST_TOKEN}` },
        body: fasta,
        signal: controller.signal,
      });
      await expect(request).rejects.toThrow(/abort/i);
      // Addressed to the listening server (inject's own Host is localhost:80).
      const host = new URL(address).host;
      const metrics = async () => (await api.inject({ url: '/metrics', headers: { host } })).body;
      await expect
        .poll(metrics, { timeout: 10_000 })
        .toMatch(
          /^variantdesk_http_requests_total\{method="POST",route="\/classify",status_code="499"\} 1$/m,
        );
      // Long enough for all 298 genomes to be classified had the run not been cancelled.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(await metrics()).not.toMatch(/^variantdesk_sequences_classified_total/m);
    } finally {
      await stopServer();
    }
  });
});

describe('FASTA text posted to the API', () => {
  it('is read with the core record limit that serve --max-record-length sets', async () => {
    const core = new VariantDeskCore(join(tempDir(), 'data'), { maxRecordLength: 1000 });
    const server = await createServer({ core, token: TEST_TOKEN });
    try {
      const response = await poster(withToken(server, TEST_TOKEN))(
        '/classify',
        `>short\n${'ACGT'.repeat(100)}\n>long\n${'ACGT'.repeat(500)}\n`,
        'text/plain',
      );
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(
        /^invalid FASTA: record 2 \('long', line 3\): sequence longer than the 1,000-base limit/,
      );
    } finally {
      await server.close();
      await core.close();
    }
  });
});
