/**
 * Which files an HTTP client may have the server read: its own uploads (by the id the upload
 * answered) and files under a folder named with `--allow-path`; nothing else, and a missing
 * file is refused exactly like a forbidden one. Only uploads are deleted after an import.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REGISTRY_FILE } from '../../src/core/registry/db';
import { VariantDeskCore } from '../../src/core/variantdesk-core';
import { tempDir } from '../helpers/genomes';
import { EXAMPLE_FASTA, startServer, type Injector } from './api-helpers';

const FLU_FASTA = resolve(
  import.meta.dirname,
  '../../resources/examples/flu-h3n2-ha/sequences.fasta',
);
const MODEL_BUNDLE = resolve(import.meta.dirname, '../../models/rsv-a-clade.zip');
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function serve(allowPaths: string[] = []) {
  const server = await startServer(undefined, { allowPaths });
  cleanups.push(server.stop);
  return server;
}

function rpc(api: Injector, operation: string, payload: object) {
  return api.inject({ method: 'POST', url: `/api/rpc/${operation}`, payload });
}

async function upload(api: Injector, bytes: Buffer, name: string) {
  const response = await api.inject({
    method: 'POST',
    url: '/api/uploads',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': name },
    payload: bytes,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { path: string; name: string };
}

/** The one refusal for a file the server will not read, whatever the reason. */
function refusal(path: string): string {
  return `file '${path}' is not available to this server: upload it (POST /api/uploads), or start the server with --allow-path naming a folder that holds it`;
}

async function expectRefused(api: Injector, operation: string, payload: object, path: string) {
  const response = await rpc(api, operation, payload);
  expect(response.statusCode, response.body).toBe(404);
  expect(response.json()).toEqual({ kind: 'not-found', message: refusal(path) });
}

async function importAndWait(core: VariantDeskCore, api: Injector, payload: object) {
  const response = await rpc(api, 'importFiles', payload);
  expect(response.statusCode, response.body).toBe(200);
  return core.jobs.wait((response.json() as { jobId: string }).jobId);
}

describe('files an HTTP client may import', () => {
  it('refuses a path that climbs out of the uploads folder, and the registry survives', async () => {
    const { core, api, stop } = await serve();
    const registry = join(core.dataDir, REGISTRY_FILE);
    const traversal = `${core.dataDir}/uploads/../${REGISTRY_FILE}`;
    await expectRefused(api, 'importFiles', { files: [{ path: traversal }] }, traversal);
    await expectRefused(api, 'importModel', { file: { path: traversal } }, traversal);
    // Any job started would have ended by now; none may have touched the registry.
    await Promise.all(core.jobs.list().map((job) => core.jobs.wait(job.id)));
    expect(existsSync(registry)).toBe(true);
    expect((await rpc(api, 'listDatasets', {})).statusCode).toBe(200);

    await stop();
    cleanups.pop();
    const reopened = new VariantDeskCore(core.dataDir);
    try {
      expect(await reopened.call('listDatasets', {})).toEqual([]);
    } finally {
      await reopened.close();
    }
  });

  it('imports an upload by the id it was given, then deletes that upload and only it', async () => {
    const archive = tempDir();
    const { core, api } = await serve([archive]);
    // A folder beside the uploads whose name starts the same: not the server's to delete.
    const sibling = join(core.dataDir, 'uploads-archive');
    mkdirSync(sibling, { recursive: true });
    const kept = join(sibling, 'week 46.fasta.gz');
    copyFileSync(EXAMPLE_FASTA, kept);
    const inArchive = join(archive, 'flu week 45.fasta');
    copyFileSync(FLU_FASTA, inArchive);

    const staged = await upload(api, readFileSync(EXAMPLE_FASTA), 'week%2047.fasta.gz');
    expect(staged.name).toBe('week 47.fasta.gz');
    expect(staged.path).toMatch(/^upload:[0-9a-f-]{36}$/);
    expect(staged.path).not.toContain(core.dataDir);

    const job = await importAndWait(core, api, { files: [staged, { path: inArchive }] });
    expect(job).toMatchObject({ status: 'done', result: { records: { valid: 298 + 48 } } });
    await expect.poll(() => readdirSync(join(core.dataDir, 'uploads'))).toEqual([]);
    expect(existsSync(inArchive)).toBe(true);
    expect(existsSync(kept)).toBe(true);
    // An upload is imported once: its id is spent.
    await expectRefused(api, 'importFiles', { files: [staged] }, staged.path);
    // The sibling folder is not an upload, and not under --allow-path.
    await expectRefused(api, 'importFiles', { files: [{ path: kept }] }, kept);
    expect(existsSync(kept)).toBe(true);
  });

  it('refuses any other server path exactly as it refuses a missing one', async () => {
    const { api } = await serve();
    const elsewhere = join(tempDir(), 'sequences.fasta.gz');
    copyFileSync(EXAMPLE_FASTA, elsewhere);
    const missing = join(tempDir(), 'no-such-file.fasta');
    const paths = [elsewhere, missing, EXAMPLE_FASTA, '/etc/passwd', 'relative/sequences.fasta'];
    for (const path of paths) {
      await expectRefused(api, 'importFiles', { files: [{ path }] }, path);
      await expectRefused(api, 'importModel', { file: { path } }, path);
    }
    await expectRefused(
      api,
      'importFiles',
      { files: [{ path: 'upload:00000000-0000-0000-0000-000000000000' }] },
      'upload:00000000-0000-0000-0000-000000000000',
    );
    // Metadata is a file reference too.
    const upload1 = await upload(api, readFileSync(EXAMPLE_FASTA), 'a.fasta.gz');
    await expectRefused(
      api,
      'importFiles',
      { files: [upload1], metadata: { path: missing } },
      missing,
    );
  });

  it('reads files under --allow-path, not a symlink in it that leads outside', async () => {
    const root = tempDir();
    const outside = join(tempDir(), 'secret.fasta.gz');
    copyFileSync(EXAMPLE_FASTA, outside);
    const { core, api } = await serve([root]);
    const nested = join(root, 'week 48');
    mkdirSync(nested);
    const allowed = join(nested, 'sequences.fasta.gz');
    copyFileSync(EXAMPLE_FASTA, allowed);
    const link = join(root, 'link.fasta.gz');
    symlinkSync(outside, link);
    const folderLink = join(root, 'elsewhere');
    symlinkSync(join(outside, '..'), folderLink);

    const job = await importAndWait(core, api, { files: [{ path: allowed }] });
    expect(job).toMatchObject({ status: 'done', result: { records: { valid: 298 } } });
    expect(existsSync(allowed)).toBe(true);
    await expectRefused(api, 'importFiles', { files: [{ path: link }] }, link);
    const viaFolder = join(folderLink, 'secret.fasta.gz');
    await expectRefused(api, 'importFiles', { files: [{ path: viaFolder }] }, viaFolder);
    const climbing = `${root}/../${outside.split('/').slice(-2).join('/')}`;
    await expectRefused(api, 'importFiles', { files: [{ path: climbing }] }, climbing);
    expect(existsSync(outside)).toBe(true);
  });

  it('imports a model bundle by upload id', async () => {
    const { core, api } = await serve();
    const staged = await upload(api, readFileSync(MODEL_BUNDLE), 'rsv-a-clade.zip');
    const response = await rpc(api, 'importModel', { file: staged });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ alreadyRegistered: true });
    await expect.poll(() => readdirSync(join(core.dataDir, 'uploads'))).toEqual([]);
  });
});
