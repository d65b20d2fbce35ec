import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDataset } from '../../../src/core/sequences/import-dataset';
import { packSequences } from '../../../src/core/features/packed-sequences';
import { sequenceText, type SequenceInput } from '../../../src/core/classify/prediction';
import {
  datasetRecordChunks,
  fileRecordChunks,
} from '../../../src/core/classify/sequence-chunks';
import { openRegistry, type RegistryDb } from '../../../src/core/registry/db';
import type { RecordError } from '../../../src/shared/types';
import { tempDir } from '../../helpers/genomes';

async function collect(chunks: AsyncIterable<SequenceInput[]>): Promise<SequenceInput[][]> {
  const out: SequenceInput[][] = [];
  for await (const chunk of chunks) out.push(chunk);
  return out;
}

/** `count` sequences of `length` bases, each a different rotation of ACGT runs. */
function genomes(count: number, length: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    Array.from({ length }, (_, j) => 'ACGT'[(j + i + Math.floor(j / (i + 2))) % 4]).join(''),
  );
}

let dir: string;
beforeEach(() => {
  dir = tempDir();
});

describe('packSequences', () => {
  it('packs strings and bytes alike, end offsets per sequence', () => {
    const bytes = new TextEncoder().encode('xxGATTACAxx').subarray(2, 9);
    const packed = packSequences(['ACGT', bytes, '', 'NN']);
    expect(Array.from(packed.ends)).toEqual([4, 11, 11, 13]);
    expect(new TextDecoder().decode(packed.bytes)).toBe('ACGTGATTACANN');
  });
});

describe('fileRecordChunks', () => {
  it('yields the records of every file as bytes, in order, chunk by chunk', async () => {
    // 9 MB over two files: past two 4 MB storage segments, one sequence longer than a segment.
    const small = genomes(150, 30_000);
    const long = genomes(1, 4_300_000)[0]!;
    const first = join(dir, 'a.fasta');
    const second = join(dir, 'b.fa');
    writeFileSync(
      first,
      small
        .slice(0, 100)
        .map((s, i) => `>a${i}\n${s}\n`)
        .join(''),
    );
    writeFileSync(
      second,
      `${small
        .slice(100)
        .map((s, i) => `>b${i}\n${s}\n`)
        .join('')}>long\n${long}\n>bad\nAC!GT\n`,
    );
    const errors: RecordError[] = [];
    const chunks = await collect(
      fileRecordChunks([first, second], [1, 1], {
        chunkSize: 64,
        onRecordError: (error) => errors.push(error),
      }),
    );
    expect(chunks.map((chunk) => chunk.length)).toEqual([64, 64, 23]);
    const records = chunks.flat();
    expect(records.map((r) => r.id)).toEqual([
      ...small.slice(0, 100).map((_, i) => `a${i}`),
      ...small.slice(100).map((_, i) => `b${i}`),
      'long',
    ]);
    expect(records.every((r) => r.sequence instanceof Uint8Array)).toBe(true);
    expect(records.map((r) => sequenceText(r.sequence))).toEqual([...small, long]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'b.fa', recordId: 'bad', line: 103 });
  });
});

describe('datasetRecordChunks', () => {
  let db: RegistryDb;
  afterEach(() => db.$client.close());

  it('yields a dataset in import order as bytes', async () => {
    db = openRegistry(join(dir, 'data'));
    const sequences = genomes(5, 1_000);
    const path = join(dir, 'set.fasta');
    writeFileSync(path, sequences.map((s, i) => `>s${i}\n${s}\n`).join(''));
    const report = await importDataset(db, { files: [{ path }] });
    const chunks = await collect(datasetRecordChunks(db, report.dataset!.id, 2));
    expect(chunks.map((chunk) => chunk.map((r) => r.id))).toEqual([
      ['s0', 's1'],
      ['s2', 's3'],
      ['s4'],
    ]);
    const records = chunks.flat();
    expect(records.every((r) => r.sequence instanceof Uint8Array)).toBe(true);
    expect(records.map((r) => sequenceText(r.sequence))).toEqual(sequences);
  });
});
