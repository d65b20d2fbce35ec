import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDataset } from '../../../src/core/sequences/import-dataset';
import { DatasetService } from '../../../src/core/sequences/dataset-service';
import { openRegistry, type RegistryDb } from '../../../src/core/registry/db';
import { tempDir, writeFasta } from '../../helpers/genomes';

const EXAMPLE = resolve(
  import.meta.dirname,
  '../../../resources/examples/sars-cov-2/sequences.fasta.gz',
);
const EXAMPLE_METADATA = resolve(
  import.meta.dirname,
  '../../../resources/examples/sars-cov-2/metadata.tsv',
);

let dir: string;
let db: RegistryDb;

function counts(): { datasets: number; sequences: number } {
  const row = db.$client
    .prepare(
      'SELECT (SELECT count(*) FROM datasets) AS datasets, (SELECT count(*) FROM sequences) AS sequences',
    )
    .get() as { datasets: number; sequences: number };
  return row;
}

beforeEach(() => {
  dir = tempDir();
  db = openRegistry(join(dir, 'data'));
});
afterEach(() => db.$client.close());

describe('importDataset', () => {
  it('imports the gzipped SARS-CoV-2 example with its metadata', async () => {
    const report = await importDataset(db, {
      files: [{ path: EXAMPLE }],
      metadata: { path: EXAMPLE_METADATA },
    });
    expect(report.records).toEqual({ total: 298, valid: 298, invalid: 0 });
    expect(report.dataset?.name).toBe('sequences');
    expect(report.files[0]).toMatchObject({ format: 'fasta', gzip: true, valid: 298 });
    expect(report.metadata).toMatchObject({
      idColumn: 'strain',
      rows: 298,
      matched: 298,
      unmatchedCount: 0,
    });
    const service = new DatasetService(db);
    const page = service.listSequences({
      datasetId: report.dataset!.id,
      offset: 0,
      limit: 5,
      filter: {},
      sort: { column: 'nFraction', direction: 'desc' },
    });
    expect(page.total).toBe(298);
    expect(page.rows[0]!.nFraction).toBeGreaterThan(0.01);
    expect(page.rows[0]!.length).toBeGreaterThan(29_000);
    expect(page.rows[0]!.metadata).toHaveProperty('clade');
  });

  it('keeps valid records, reports bad ones by file and line, and catches duplicate ids across files', async () => {
    const a = join(dir, 'a.fasta');
    const b = join(dir, 'b.fasta');
    writeFileSync(a, '>one\nACGT\n>two\nACXT\n>three\nAC\nGT\n');
    writeFileSync(b, '>one\nGGGG\n>four\n\n>five\nNNAC\n');
    const report = await importDataset(db, { files: [{ path: a }, { path: b }], name: 'mixed' });
    expect(report.records).toEqual({ total: 6, valid: 3, invalid: 3 });
    expect(report.errors.map((e) => [e.file, e.line, e.recordId, e.code])).toEqual([
      ['a.fasta', 3, 'two', 'invalid-characters'],
      ['b.fasta', 1, 'one', 'duplicate-id'],
      ['b.fasta', 3, 'four', 'empty-sequence'],
    ]);
    expect(report.errors[1]!.reason).toContain('a.fasta');
    const detail = new DatasetService(db).get(report.dataset!.id);
    expect(detail.errorCount).toBe(3);
    expect(detail.sequenceCount).toBe(3);
  });

  it('reports a record over maxRecordLength by file, line and id, and imports the rest', async () => {
    const path = join(dir, 'long.fa');
    writeFileSync(path, `>a\nACGT\n>long one\n${'ACGT'.repeat(300)}\n>b\nGGCC\n`);
    const report = await importDataset(db, { files: [{ path }] }, { maxRecordLength: 1000 });
    expect(report.records).toEqual({ total: 3, valid: 2, invalid: 1 });
    expect(report.errors).toEqual([
      {
        file: 'long.fa',
        line: 3,
        recordId: 'long',
        code: 'record-too-long',
        reason: 'sequence longer than the 1,000-base limit (set --max-record-length)',
      },
    ]);
    expect(counts()).toEqual({ datasets: 1, sequences: 2 });
  });

  it('detects identical content imported again and writes nothing', async () => {
    const path = writeFasta(join(dir, 'x.fa'), 20, 500);
    const first = await importDataset(db, { files: [{ path }], name: 'first' });
    const second = await importDataset(db, { files: [{ path }], name: 'again' });
    expect(second.dataset).toBeNull();
    expect(second.duplicateOf).toEqual({ id: first.dataset!.id, name: 'first' });
    expect(counts()).toEqual({ datasets: 1, sequences: 20 });
  });

  it('leaves nothing behind when cancelled part-way', async () => {
    const path = writeFasta(join(dir, 'big.fa'), 400, 30_000);
    const controller = new AbortController();
    const promise = importDataset(
      db,
      { files: [{ path }] },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.records > 50) controller.abort(new Error('cancelled by test'));
        },
      },
    );
    await expect(promise).rejects.toThrow('cancelled by test');
    expect(counts()).toEqual({ datasets: 0, sequences: 0 });
    expect(db.$client.inTransaction).toBe(false);
  });

  it('refuses a file that is not sequence data and writes nothing', async () => {
    const good = writeFasta(join(dir, 'good.fa'), 3, 100);
    const json = join(dir, 'data.json');
    writeFileSync(json, '{"sequences": []}\n');
    await expect(importDataset(db, { files: [{ path: good }, { path: json }] })).rejects.toThrow(
      /data\.json/,
    );
    expect(counts()).toEqual({ datasets: 0, sequences: 0 });
  });

  it('reports metadata ids without a sequence', async () => {
    const path = join(dir, 's.fa');
    writeFileSync(path, '>s1\nACGT\n>s2\nACGG\n');
    const meta = join(dir, 'm.csv');
    writeFileSync(meta, 'id,clade\ns1,20A\nghost,21K\n');
    const report = await importDataset(db, { files: [{ path }], metadata: { path: meta } });
    expect(report.metadata).toMatchObject({
      matched: 1,
      unmatchedIds: ['ghost'],
      sequencesWithoutMetadata: 1,
    });
    expect(report.dataset?.metadataColumns).toEqual(['clade']);
  });
});
