/**
 * The training matrix of aligned genomes: the varying reference positions, their one-hot
 * allele features (what the bundle's featurizer computes on a query) and the same alleles as
 * small codes (what the exemplar models and recombinant search compare).
 */
import type { Matrix } from '../../cluster/matrix';
import {
  alignedAlleleFeatures,
  selectVaryingPositions,
  type AlignedAlleleFeaturizerConfig,
} from '../../features/aligned-alleles';
import { codesFromOneHot } from '../exemplar';

export interface AlleleData {
  config: AlignedAlleleFeaturizerConfig;
  /** One-hot A/C/G/T per position; N, ambiguity codes and gaps are all zeros. */
  features: Matrix;
  /** Codes 0 (unknown), 1..4 (A, C, G, T), rows x positions. */
  codes: Uint8Array;
  positions: number;
}

export interface AlleleDataOptions {
  /** Least count of the minor allele for a position to be used (default 2: private
   * mutations of a single genome say nothing about its class). */
  minMinorCount?: number;
  /** Most positions kept, those with the most common minor alleles (default 4000). */
  maxPositions?: number;
}

/**
 * Features of aligned genomes. Gaps are not an allele: the aligned string also marks the
 * uncovered ends with '-', which would read as deletions; clade-defining deletions come
 * with substitutions that carry the signal.
 */
export function buildAlleleData(
  aligned: string[],
  options: AlleleDataOptions & {
    /** Rows that choose the positions: one per sample, so copies do not count twice. */
    selectFrom?: readonly number[];
  } = {},
): AlleleData {
  const referenceLength = aligned[0]?.length ?? 0;
  const chooser = options.selectFrom ? options.selectFrom.map((row) => aligned[row]!) : aligned;
  const positions = selectVaryingPositions(chooser, {
    minMinorCount: options.minMinorCount ?? 2,
    maxPositions: options.maxPositions ?? 4000,
  });
  if (positions.length === 0)
    throw new RangeError('the training genomes do not differ at any position');
  const config: AlignedAlleleFeaturizerConfig = {
    kind: 'aligned-alleles',
    referenceLength,
    positions,
    includeGap: false,
  };
  return featurizeAligned(config, aligned);
}

/** Features and codes of aligned genomes under an existing config. */
export function featurizeAligned(
  config: AlignedAlleleFeaturizerConfig,
  aligned: string[],
): AlleleData {
  const positions = config.positions.length;
  const features: Matrix = {
    rows: aligned.length,
    cols: positions * 4,
    data: alignedAlleleFeatures(config, aligned),
  };
  return { config, features, codes: codesFromOneHot(features, 4), positions };
}

/** The rows `rows` of a matrix, as a new matrix. */
export function selectRows(matrix: Matrix, rows: ArrayLike<number>): Matrix {
  const { cols } = matrix;
  const data = new Float32Array(rows.length * cols);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    data.set(matrix.data.subarray(row * cols, (row + 1) * cols), i * cols);
  }
  return { rows: rows.length, cols, data };
}
