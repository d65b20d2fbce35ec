/** A server on a fresh data directory, and example genomes with their clade from metadata. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { VariantDeskCore } from '../../src/core/variantdesk-core';
import { createServer, type ServerOptions } from '../../src/server/app';
import { tempDir } from '../helpers/genomes';

const EXAMPLE = resolve(import.meta.dirname, '../../resources/examples/sars-cov-2');
export const EXAMPLE_FASTA = join(EXAMPLE, 'sequences.fasta.gz');

export interface ExampleGenome {
  id: string;
  sequence: string;
  /** The clade in the example's metadata. */
  clade: string;
}

/** The access token of the servers the tests start. */
export const TEST_TOKEN = 'test-token';

/** What a client that holds the token sees: `inject` with `Authorization: Bearer`. */
export interface Injector {
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export function withToken(app: FastifyInstance, token: string): Injector {
  return {
    inject: (options) =>
      app.inject({
        ...options,
        headers: { authorization: `Bearer ${token}`, ...options.headers },
      }),
  };
}

/** `app` is the server itself (no token sent); `api` sends the token. */
export async function startServer(
  token = TEST_TOKEN,
  options: Partial<Omit<ServerOptions, 'core' | 'token'>> = {},
) {
  const core = new VariantDeskCore(join(tempDir(), 'data'));
  const app = await createServer({ ...options, core, token });
  const api = withToken(app, token);
  const stop = async (): Promise<void> => {
    await app.close();
    await core.close();
  };
  return { core, app, api, token, stop };
}

/** SARS-CoV-2 genomes of the example data set, by strain name. */
export function exampleGenomes(ids: readonly string[]): ExampleGenome[] {
  const clades = new Map(
    readFileSync(join(EXAMPLE, 'metadata.tsv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t') as [string, string]),
  );
  const fasta = gunzipSync(readFileSync(EXAMPLE_FASTA)).toString('utf8');
  const sequences = new Map(
    fasta
      .split('>')
      .slice(1)
      .map((record) => {
        const [header, ...lines] = record.split('\n');
        return [header!.split(/\s/)[0]!, lines.join('')] as const;
      }),
  );
  return ids.map((id) => {
    const sequence = sequences.get(id);
    const clade = clades.get(id);
    if (!sequence || !clade) throw new Error(`no example genome '${id}'`);
    return { id, sequence, clade };
  });
}

export function toFasta(records: readonly { id: string; sequence: string }[]): string {
  return records.map((r) => `>${r.id}\n${r.sequence.replace(/(.{70})/g, '$1\n')}\n`).join('');
}

/** POSTs JSON (an object), or text with the content type given. */
export function poster(app: Injector) {
  return (url: string, payload: unknown, contentType?: string) =>
    app.inject({
      method: 'POST',
      url,
      ...(contentType ? { headers: { 'content-type': contentType } } : {}),
      payload: payload as string,
    });
}

export async function sarsModelId(app: Injector): Promise<number> {
  const body = (await app.inject({ url: '/models/current?pathogen=sars-cov-2' })).json();
  return body.models[0].id as number;
}

/** The value of the first /metrics sample line matching `line` (0 when there is none). */
export async function metricValue(app: Injector, line: RegExp): Promise<number> {
  const text = (await app.inject({ url: '/metrics' })).body;
  const found = text.split('\n').find((l) => line.test(l));
  return found ? Number(found.split(' ').pop()) : 0;
}
