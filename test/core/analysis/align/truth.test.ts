/**
 * Our substitution and deletion calls against the labeled mutations of tree tips, on the
 * committed samples (test/fixtures/align, made by make-sample.sh: every k-th tip, genomes
 * without deletions' gaps, with and without N runs). Full-data numbers:
 * `node --import tsx bench/align/truth-all.ts`.
 */
import { describe, expect, it } from 'vitest';
import { createAligner } from '../../../../src/core/analysis/align';
import { loadPathogen } from '../../../../src/core/pathogens';
import { addToTally, emptyTally, readFasta, readTruth, scores } from './truth-compare';

const FIXTURES = 'test/fixtures/align';

describe.each(['sars-cov-2', 'rsv-a', 'flu-h3n2-ha'])('%s calls against the labels', (id) => {
  const aligner = createAligner(loadPathogen(`resources/pathogens/${id}`));
  const truth = readTruth(`${FIXTURES}/${id}-truth.tsv`);

  it.each([
    ['without N', 'sample'],
    ['with ~3% N in runs', 'sample-ns'],
  ])('%s: F1 >= 0.999', (label, variant) => {
    const records = readFasta(`${FIXTURES}/${id}-${variant}.fasta.gz`);
    expect(records.length).toBe(truth.size);
    const tally = emptyTally();
    for (const record of records) {
      const outcome = aligner.align(record.sequence);
      if (!outcome.ok) throw new Error(`${record.id}: ${outcome.reason}`);
      addToTally(tally, outcome.calls, truth.get(record.id)!);
    }
    const { precision, recall, f1 } = scores(tally);
    console.log(
      `${id} ${label}: ${records.length} genomes, precision ${precision.toFixed(5)}, recall ${recall.toFixed(5)}, F1 ${f1.toFixed(5)} (${tally.truePositives} TP, ${tally.falsePositives} FP, ${tally.falseNegatives} FN)`,
    );
    expect(tally.truePositives).toBeGreaterThan(1000);
    expect(f1).toBeGreaterThanOrEqual(0.999);
  });
});
