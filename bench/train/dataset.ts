/**
 * The bench's one data set: SARS-CoV-2 labeled tips rebuilt as genomes with ~3% N, clades
 * with a single tip dropped, a seeded stratified train/test split, and the feature
 * matrices both sides train on (canonical 6-mer spectra; aligned-allele one-hot).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alignedSequence, createAlignPool } from '../../src/core/analysis/align';
import type { Matrix } from '../../src/core/cluster/matrix';
import { mulberry32 } from '../../src/core/cluster/random';
import {
  alignedAlleleFeatures,
  createFeaturePool,
  parseFeaturizerConfig,
  selectVaryingPositions,
} from '../../src/core/features';
import { loadPathogen } from '../../src/core/pathogens';
import { parseLabeledRows, type LabeledRow } from '../../src/core/pathogens/labeled-mutations';
import { tipGenome } from '../../src/core/pathogens/tip-genomes';

export const N_FRACTION = 0.03;

export interface TipSet {
  names: string[];
  genomes: string[];
  /** Class index per genome, into `classes`. */
  labels: Int32Array;
  classes: string[];
  /** Tips dropped because their clade has a single tip (nothing to both train and test on). */
  dropped: number;
}

/** Reads the labeled tips of a pathogen folder. */
export function readTips(pathogenDir: string): LabeledRow[] {
  return parseLabeledRows(readFileSync(join(pathogenDir, 'labeled.tsv'), 'utf8'));
}

/** Genomes of the tips whose clade has at least two tips; `seed` picks the N runs. */
export function buildTipSet(reference: string, rows: LabeledRow[], seed: number): TipSet {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.clade, (counts.get(row.clade) ?? 0) + 1);
  const kept = rows.filter((row) => counts.get(row.clade)! >= 2);
  const classes = [...new Set(kept.map((row) => row.clade))].sort();
  const index = new Map(classes.map((clade, i) => [clade, i]));
  return {
    names: kept.map((row) => row.name),
    genomes: kept.map((row) => tipGenome(reference, row, { nFraction: N_FRACTION, seed })),
    labels: Int32Array.from(kept, (row) => index.get(row.clade)!),
    classes,
    dropped: rows.length - kept.length,
  };
}

/**
 * Seeded stratified split: round(fraction x n_c) rows of every class go to the test set,
 * at least one and never all of them. Returns 1 for a test row, 0 for a training row.
 */
export function stratifiedTestMask(
  labels: Int32Array,
  numClasses: number,
  fraction: number,
  seed: number,
): Uint8Array {
  const random = mulberry32(seed);
  const byClass: number[][] = Array.from({ length: numClasses }, () => []);
  labels.forEach((label, row) => byClass[label]!.push(row));
  const mask = new Uint8Array(labels.length);
  for (const rows of byClass) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const take = Math.min(rows.length - 1, Math.max(1, Math.round(rows.length * fraction)));
    for (let i = 0; i < take; i++) mask[rows[i]!] = 1;
  }
  return mask;
}

/** The rows of `matrix` listed in `rows`, as a new matrix. */
export function selectRows(matrix: Matrix, rows: Int32Array): Matrix {
  const { cols } = matrix;
  const data = new Float32Array(rows.length * cols);
  rows.forEach((row, i) => data.set(matrix.data.subarray(row * cols, (row + 1) * cols), i * cols));
  return { rows: rows.length, cols, data };
}

/** Canonical 6-mer spectra (l2-normalized) on a 2-worker feature pool. */
export async function kmerMatrix(genomes: string[]): Promise<Matrix> {
  const config = parseFeaturizerConfig({ kind: 'kmer', k: 6 });
  const pool = createFeaturePool(config, { threads: 2 });
  try {
    return { rows: genomes.length, cols: pool.dimension, data: await pool.featurize(genomes) };
  } finally {
    await pool.close();
  }
}

/**
 * Aligned-allele one-hot rows: every genome aligned to the reference on 2 workers, then
 * A/C/G/T/gap at the positions that vary among the training rows only (so the test rows
 * do not choose the features).
 */
export async function alleleMatrix(
  pathogenDir: string,
  genomes: string[],
  trainRows: Int32Array,
): Promise<{ matrix: Matrix; positions: number }> {
  const pathogen = loadPathogen(pathogenDir);
  const reference = pathogen.reference.sequence;
  const pool = createAlignPool(pathogen, 2);
  const batches: Promise<string[]>[] = [];
  try {
    for (let start = 0; start < genomes.length; start += 25)
      batches.push(
        pool.align(genomes.slice(start, start + 25)).then((outcomes) =>
          outcomes.map((outcome, i) => {
            if (!outcome.ok)
              throw new Error(`genome ${start + i} did not align: ${outcome.reason}`);
            return alignedSequence(reference, outcome.calls);
          }),
        ),
      );
    const aligned = (await Promise.all(batches)).flat();
    const training = Array.from(trainRows, (row) => aligned[row]!);
    const positions = selectVaryingPositions(training, { includeGap: true });
    const config = {
      kind: 'aligned-alleles' as const,
      referenceLength: reference.length,
      positions,
      includeGap: true,
    };
    const data = alignedAlleleFeatures(config, aligned);
    return {
      matrix: { rows: genomes.length, cols: data.length / genomes.length, data },
      positions: positions.length,
    };
  } finally {
    await pool.close();
  }
}
