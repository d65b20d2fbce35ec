import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Injector } from './api-helpers';

const FLU = resolve(import.meta.dirname, '../../resources/pathogens/flu-h3n2-ha');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function upload(api: Injector, name: string, body: string | Buffer) {
  const answer = await api.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': name },
    payload: body,
  });
  expect(answer.statusCode).toBe(200);
  return answer.json() as { path: string; name: string };
}

describe('POST /api/rpc/addPathogen', () => {
  it('adds a pathogen from uploads, spends them, and refuses a server path not allowed', async () => {
    const server = await startServer();
    cleanups.push(server.stop);
    const { api, core } = server;
    const flu = (name: string) => readFileSync(join(FLU, name));

    // A path on the server is not readable over HTTP unless --allow-path names its folder.
    const byPath = await api.inject({
      method: 'POST',
      url: '/api/rpc/addPathogen',
      payload: {
        id: 'flu-h3-copy',
        name: 'Flu H3 copy',
        reference: { path: join(FLU, 'reference.fasta') },
        annotation: { path: join(FLU, 'genome_annotation.gff3') },
      },
    });
    expect(byPath.statusCode).toBe(404);
    expect(byPath.json().message).toContain('is not available to this server');
    expect(existsSync(join(core.dataDir, 'pathogens'))).toBe(false);

    const reference = await upload(api, 'ref.fasta', flu('reference.fasta'));
    const annotation = await upload(api, 'genes.gff3', flu('genome_annotation.gff3'));
    const labeled = await upload(api, 'labeled.tsv', flu('labeled.tsv'));
    const added = await api.inject({
      method: 'POST',
      url: '/api/rpc/addPathogen',
      payload: { id: 'flu-h3-copy', name: 'Flu H3 copy', reference, annotation, labeled },
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ id: 'flu-h3-copy', source: 'added', hasTree: false });
    expect(readdirSync(join(core.dataDir, 'pathogens', 'flu-h3-copy')).sort()).toEqual([
      'genome_annotation.gff3',
      'labeled.tsv',
      'pathogen.json',
      'reference.fasta',
    ]);
    // The uploads were spent: the same ids cannot be read again.
    const again = await api.inject({
      method: 'POST',
      url: '/api/rpc/addPathogen',
      payload: { id: 'flu-h3-other', name: 'Other', reference, annotation },
    });
    expect(again.statusCode).toBe(404);

    // A refusal names the uploaded file by its name, not by its upload id.
    const badReference = await upload(api, 'two.fasta', '>a\nACGT\n>b\nACGT\n');
    const gff = await upload(api, 'genes.gff3', flu('genome_annotation.gff3'));
    const refused = await api.inject({
      method: 'POST',
      url: '/api/rpc/addPathogen',
      payload: { id: 'two', name: 'Two', reference: badReference, annotation: gff },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message).toBe(
      'two.fasta line 3: a reference holds one sequence, found a second record',
    );
  });
});
