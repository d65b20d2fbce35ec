import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { randomGenome, seededRandom } from '../helpers/genomes';
import { exampleGenomes, metricValue, poster, startServer, type Injector } from './api-helpers';

const GENOMES = exampleGenomes(['XBB.2.3', 'EG.5.1.12']);
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  }
).version;

let app: Injector;
let stop: () => Promise<void>;
let post: ReturnType<typeof poster>;
beforeAll(async () => {
  ({ api: app, stop } = await startServer());
  post = poster(app);
});
afterAll(async () => stop());

describe('service endpoints', () => {
  it('reports health, version, pathogens and the production models', async () => {
    expect((await app.inject({ url: '/health' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok' });

    const info = (await app.inject({ url: '/info' })).json();
    expect(info).toMatchObject({ service: 'VariantDesk', version: PACKAGE_VERSION });
    expect(info.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(info.pathogens.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['sars-cov-2', 'flu-h3n2-ha', 'rsv-a']),
    );
    expect(info.models.map((m: { name: string }) => m.name)).toEqual(
      expect.arrayContaining(['sars-cov-2-clade', 'flu-h3n2-ha-clade', 'rsv-a-clade']),
    );

    const all = (await app.inject({ url: '/models/current' })).json().models;
    expect(all.length).toBe(info.models.length);
    const sars = (await app.inject({ url: '/models/current?pathogen=sars-cov-2' })).json().models;
    expect(sars).toHaveLength(1);
    expect(sars[0]).toMatchObject({
      name: 'sars-cov-2-clade',
      task: 'clade',
      pathogenId: 'sars-cov-2',
    });
    expect(sars[0].labels).toEqual(expect.arrayContaining(GENOMES.map((g) => g.clade)));
    expect(sars[0].headline.accuracy).toBeGreaterThan(0.5);

    const none = await app.inject({ url: '/models/current?pathogen=ebola' });
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toMatch(
      /^no production model for pathogen 'ebola' \(there are for: .*sars-cov-2/,
    );
    const typo = await app.inject({ url: '/models/current?pathogn=x' });
    expect(typo.statusCode).toBe(400);
    expect(typo.json().message).toMatch(/pathogn/);
  });

  it('counts requests, latency, predictions per label and the unassigned share in /metrics', async () => {
    const [first, second] = GENOMES;
    const sample = (line: RegExp) => metricValue(app, line);
    const model = 'model="sars-cov-2-clade@[^"]+"';
    const labelOf = (clade: string) =>
      new RegExp(`^variantdesk_predictions_total\\{${model},label="${clade}"\\} `);
    const before = await sample(labelOf(first!.clade));

    await post('/predict-batch', {
      sequences: [first!, second!].map(({ id, sequence }) => ({ id, sequence })),
    });
    await post('/predict', { id: first!.id, sequence: first!.sequence });
    // Not a genome: aligned to nothing, so unassigned.
    const noise = await post('/predict', {
      id: 'noise',
      sequence: randomGenome(3000, seededRandom(7)),
      pathogen: 'sars-cov-2',
    });
    expect(noise.json().prediction).toMatchObject({ status: 'unassigned', reason: 'not-aligned' });
    await post('/classify', { sequences: [] });

    expect(await sample(labelOf(first!.clade))).toBe(before + 2);
    expect(await sample(labelOf(second!.clade))).toBe(1);
    expect(await sample(new RegExp(`^variantdesk_sequences_classified_total\\{${model}\\} `))).toBe(
      4,
    );
    expect(
      await sample(
        new RegExp(`^variantdesk_sequences_unassigned_total\\{${model},reason="not-aligned"\\} `),
      ),
    ).toBe(1);
    expect(await sample(new RegExp(`^variantdesk_unassigned_share\\{${model}\\} `))).toBe(0.25);

    const requests = (route: string, status: number) =>
      sample(
        new RegExp(
          `^variantdesk_http_requests_total\\{method="POST",route="${route}",status_code="${status}"\\} `,
        ),
      );
    expect(await requests('/predict', 200)).toBe(2);
    expect(await requests('/predict-batch', 200)).toBe(1);
    expect(await requests('/classify', 400)).toBe(1);
    expect(
      await sample(
        /^variantdesk_http_request_duration_seconds_count\{method="POST",route="\/predict"\} /,
      ),
    ).toBe(2);

    const response = await app.inject({ url: '/metrics' });
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(response.body).toMatch(
      /^variantdesk_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/predict-batch"\} 1$/m,
    );
    expect(response.body).toMatch(/^process_cpu_user_seconds_total /m);
    expect(response.body).toMatch(/^nodejs_heap_size_used_bytes /m);
  });
});

describe('OpenAPI', () => {
  it('documents the access token as required everywhere but /health', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json();
    expect(doc.components.securitySchemes).toEqual({
      bearerToken: { type: 'http', scheme: 'bearer' },
      tokenCookie: { type: 'apiKey', in: 'cookie', name: 'variantdesk_token' },
      tokenQuery: { type: 'apiKey', in: 'query', name: 'token' },
    });
    // Any one of the three; no empty alternative, so the token is not optional.
    expect(doc.security).toEqual([{ bearerToken: [] }, { tokenCookie: [] }, { tokenQuery: [] }]);
    expect(doc.paths['/health'].get.security).toEqual([]);
    expect(doc.paths['/info'].get.security).toBeUndefined();
  });

  it('serves the document with every endpoint and the UI with its assets, under the app CSP', async () => {
    const doc = (await app.inject({ url: '/docs/json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe(PACKAGE_VERSION);
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/classify',
        '/health',
        '/inference/classify',
        '/info',
        '/metrics',
        '/models/current',
        '/predict',
        '/predict-batch',
      ].sort(),
    );
    const classify = doc.paths['/classify'].post;
    expect(Object.keys(classify.requestBody.content).sort()).toEqual([
      'application/json',
      'text/plain',
      'text/x-fasta',
    ]);
    expect(classify.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['model', 'pathogen']),
    );
    const okSchema = classify.responses['200'].content['application/json'].schema;
    expect(okSchema.required).toEqual(['model', 'predictions', 'summary']);
    expect(okSchema.properties.predictions.items.required).toEqual(
      expect.arrayContaining(['id', 'label', 'confidence', 'status', 'top']),
    );
    expect(Object.keys(classify.responses).sort()).toEqual(['200', '400', '401', '404', '413']);
    const predict = doc.paths['/predict'].post;
    expect(predict.requestBody.content['application/json'].schema.required).toEqual(['sequence']);
    expect(predict.responses['200'].content['application/json'].schema.required).toEqual([
      'model',
      'prediction',
    ]);
    expect(
      doc.paths['/predict-batch'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['sequences']);
    expect(doc.paths['/models/current'].get.parameters[0]).toMatchObject({
      name: 'pathogen',
      in: 'query',
    });
    expect(
      doc.paths['/info'].get.responses['200'].content['application/json'].schema.required,
    ).toEqual(
      expect.arrayContaining(['service', 'version', 'uptimeSeconds', 'pathogens', 'models']),
    );

    const page = await app.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(page.body).not.toMatch(/<script>|https?:\/\/(?!127)/);
    const assets = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toContain('/docs/static/swagger-ui-bundle.js');
    for (const asset of assets) {
      const response = await app.inject({ url: asset });
      expect(response.statusCode, asset).toBe(200);
    }
  });
});
