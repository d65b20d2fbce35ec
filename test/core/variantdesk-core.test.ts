import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openRegistry } from '../../src/core/registry/db';
import { VariantDeskCore } from '../../src/core/variantdesk-core';
import { tempDir, writeFasta } from '../helpers/genomes';

const EXAMPLE = resolve(
  import.meta.dirname,
  '../../resources/examples/sars-cov-2/sequences.fasta.gz',
);
const CLI = resolve(import.meta.dirname, '../../bin/variantdesk.mjs');
const cores: VariantDeskCore[] = [];

function openCore(dataDir = join(tempDir(), 'data')): VariantDeskCore {
  const core = new VariantDeskCore(dataDir);
  cores.push(core);
  return core;
}

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
});

describe('VariantDeskCore', () => {
  it('imports in a worker thread and lists the dataset', async () => {
    const core = openCore();
    const { jobId } = await core.call('importFiles', { files: [{ path: EXAMPLE }] });
    const job = await core.jobs.wait(jobId);
    expect(job.status).toBe('done');
    expect(job.kind === 'import' && job.result?.records.valid).toBe(298);
    const [dataset] = await core.call('listDatasets', {});
    expect(dataset).toMatchObject({ sequenceCount: 298, name: 'sequences' });
    const page = await core.call('listSequences', {
      datasetId: dataset!.id,
      filter: { idContains: 'XBB' },
      limit: 1000,
    });
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((row) => row.seqId.includes('XBB'))).toBe(true);
    const tsv = await core.call('exportSequences', { datasetId: dataset!.id, format: 'tsv' });
    expect(tsv.content.trimEnd().split('\n')).toHaveLength(299);
    expect(await core.call('deleteDataset', { datasetId: dataset!.id })).toEqual({ deleted: true });
    expect(await core.call('listDatasets', {})).toEqual([]);
  });

  it('rejects invalid input with a message naming the operation and field', async () => {
    const core = openCore();
    await expect(core.call('importFiles', { files: [] })).rejects.toThrow(/importFiles.*files/s);
    await expect(core.call('getDataset', { datasetId: 999 })).rejects.toThrow(
      'no dataset with id 999',
    );
  });

  it('cancels an import running in a worker and leaves nothing behind', async () => {
    const dir = tempDir();
    const path = writeFasta(join(dir, 'big.fa'), 3000, 30_000);
    const core = openCore(join(dir, 'data'));
    const { jobId } = await core.call('importFiles', { files: [{ path }] });
    await new Promise<void>((done) => {
      const off = core.onJobEvent(({ job }) => {
        if (job.id === jobId && job.progress.records > 100) {
          off();
          done();
        }
      });
    });
    await core.call('cancelJob', { jobId });
    const job = await core.jobs.wait(jobId);
    expect(job.status).toBe('cancelled');
    expect(await core.call('listDatasets', {})).toEqual([]);
    const row = core.db.$client.prepare('SELECT count(*) AS n FROM sequences').get() as {
      n: number;
    };
    expect(row.n).toBe(0);
  });

  it('leaves nothing behind when the process is killed mid-import', async () => {
    const dir = tempDir();
    const path = writeFasta(join(dir, 'big.fa'), 3000, 30_000);
    const dataDir = join(dir, 'data');
    const child = spawn(process.execPath, [CLI, '--data-dir', dataDir, 'import', path], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    // Once the write-ahead log holds megabytes of uncommitted rows, kill -9 mid-transaction.
    const wal = join(dataDir, 'variantdesk.sqlite-wal');
    let exited = false;
    child.on('exit', () => (exited = true));
    while (!(existsSync(wal) && statSync(wal).size > 8 * 1024 * 1024)) {
      if (exited) throw new Error('the import ended before it could be killed');
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const db = openRegistry(dataDir);
    const row = db.$client
      .prepare('SELECT (SELECT count(*) FROM datasets) AS d, (SELECT count(*) FROM sequences) AS s')
      .get();
    expect(row).toEqual({ d: 0, s: 0 });
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    db.$client.close();
  });
});
