import { afterAll, describe, expect, it } from 'vitest';
import { createAligner, createAlignPool } from '../../../../src/core/analysis/align';
import { loadPathogen } from '../../../../src/core/pathogens';
import { readFasta } from './truth-compare';

describe('alignment worker pool', () => {
  const pathogen = loadPathogen('resources/pathogens/flu-h3n2-ha');
  const pool = createAlignPool(pathogen, 2);
  afterAll(() => pool.close());

  it('gives the same outcomes as the aligner in this thread, batch order kept', async () => {
    const sequences = readFasta('test/fixtures/align/flu-h3n2-ha-sample-ns.fasta.gz').map(
      (r) => r.sequence,
    );
    const batches = [
      sequences.slice(0, 15),
      sequences.slice(15, 30),
      ['ACGT'],
      sequences.slice(30),
    ];
    const results = await Promise.all(batches.map((batch) => pool.align(batch)));
    const aligner = createAligner(pathogen);
    expect(results.flat()).toEqual(
      [...sequences.slice(0, 30), 'ACGT', ...sequences.slice(30)].map((s) => aligner.align(s)),
    );
    expect(results[2]![0]).toMatchObject({ ok: false });
  });
});
