/**
 * Aligned-allele features: the base each sequence carries at chosen reference positions,
 * one-hot encoded. Input rows are sequences already aligned to reference coordinates: a
 * string of exactly the reference length, A/C/G/T, '-' for a deleted base, 'N' (or any
 * other character) where the base is unknown; insertions are dropped by the aligner.
 *
 * Layout of a row: for each configured position in config order, the columns A, C, G, T
 * and, when `includeGap`, a fifth column for '-'. Unknown, ambiguous or uncovered bases
 * (and '-' without `includeGap`) leave the position's columns all zero.
 */
import { z } from 'zod';

/** Column of each allele within a position's block; -1 for anything that is not called. */
const ALLELE_COLUMN = (() => {
  const table = new Int8Array(128).fill(-1);
  'ACGT'.split('').forEach((base, column) => {
    table[base.charCodeAt(0)] = column;
    table[base.toLowerCase().charCodeAt(0)] = column;
  });
  table['U'.charCodeAt(0)] = 3;
  table['u'.charCodeAt(0)] = 3;
  table['-'.charCodeAt(0)] = 4;
  return table;
})();
export const alignedAlleleFeaturizerConfigSchema = z
  .object({
    kind: z.literal('aligned-alleles'),
    referenceLength: z.number().int().positive(),
    /** 1-based reference positions, strictly increasing (one canonical form per set). */
    positions: z.array(z.number().int().positive()).min(1),
    includeGap: z.boolean().default(false),
  })
  .superRefine((config, ctx) => {
    config.positions.forEach((position, i) => {
      if (position > config.referenceLength)
        ctx.addIssue({
          code: 'custom',
          path: ['positions', i],
          message: `position ${position} is past the reference length ${config.referenceLength}`,
        });
      if (i > 0 && position <= config.positions[i - 1]!)
        ctx.addIssue({
          code: 'custom',
          path: ['positions', i],
          message: `positions must be strictly increasing: ${position} follows ${config.positions[i - 1]}`,
        });
    });
  });

/** A validated config (`includeGap` filled in). */
export type AlignedAlleleFeaturizerConfig = z.output<typeof alignedAlleleFeaturizerConfigSchema>;
export type AlignedAlleleFeaturizerConfigInput = z.input<
  typeof alignedAlleleFeaturizerConfigSchema
>;

/** Columns per position: 4 (A, C, G, T), or 5 with the gap column. */
export function allelesPerPosition(
  config: Pick<AlignedAlleleFeaturizerConfig, 'includeGap'>,
): number {
  return config.includeGap ? 5 : 4;
}

/** Length of one feature row. */
export function alleleDimension(config: AlignedAlleleFeaturizerConfig): number {
  return config.positions.length * allelesPerPosition(config);
}

function checkLength(sequence: string, row: number, referenceLength: number): void {
  if (sequence.length !== referenceLength)
    throw new RangeError(
      `aligned sequence ${row} has length ${sequence.length}, expected the reference length ${referenceLength}`,
    );
}

/**
 * One-hot allele features of aligned sequences as one row-major matrix (row i = sequence i).
 * @throws RangeError naming the row when a sequence is not of the reference length
 */
export function alignedAlleleFeatures(
  config: AlignedAlleleFeaturizerConfig,
  alignedSequences: string[],
): Float32Array<ArrayBuffer> {
  const width = allelesPerPosition(config);
  const dimension = alleleDimension(config);
  const matrix = new Float32Array(alignedSequences.length * dimension);
  alignedSequences.forEach((sequence, row) => {
    checkLength(sequence, row, config.referenceLength);
    const rowStart = row * dimension;
    config.positions.forEach((position, p) => {
      const code = sequence.charCodeAt(position - 1);
      const column = code < 128 ? ALLELE_COLUMN[code]! : -1;
      if (column < 0 || column >= width) return;
      matrix[rowStart + p * width + column] = 1;
    });
  });
  return matrix;
}

export interface SelectPositionsOptions {
  /** Least count of the second most common allele for a position to vary (default 1). */
  minMinorCount?: number;
  /** Keep at most this many positions, those with the highest minor count (ties: leftmost). */
  maxPositions?: number;
  /** Count '-' as an allele, matching a featurizer with `includeGap` (default false). */
  includeGap?: boolean;
}

/**
 * 1-based positions, ascending, where at least two alleles occur and the second most
 * common one is carried by at least `minMinorCount` sequences. N, ambiguity codes (and
 * '-' unless `includeGap`) are not alleles.
 * @throws RangeError when the sequences differ in length or an option is out of range
 */
export function selectVaryingPositions(
  alignedSequences: string[],
  options: SelectPositionsOptions = {},
): number[] {
  const { minMinorCount = 1, maxPositions, includeGap = false } = options;
  if (!Number.isInteger(minMinorCount) || minMinorCount < 1)
    throw new RangeError(`minMinorCount must be a positive integer, got ${minMinorCount}`);
  if (maxPositions !== undefined && (!Number.isInteger(maxPositions) || maxPositions < 1))
    throw new RangeError(`maxPositions must be a positive integer, got ${maxPositions}`);
  if (alignedSequences.length === 0) return [];
  const length = alignedSequences[0]!.length;
  const width = includeGap ? 5 : 4;
  const counts = new Uint32Array(length * width);
  alignedSequences.forEach((sequence, row) => {
    checkLength(sequence, row, length);
    for (let i = 0; i < length; i++) {
      const code = sequence.charCodeAt(i);
      const column = code < 128 ? ALLELE_COLUMN[code]! : -1;
      if (column >= 0 && column < width) counts[i * width + column]!++;
    }
  });

  const varying: { position: number; minorCount: number }[] = [];
  for (let i = 0; i < length; i++) {
    let major = 0;
    let minor = 0;
    for (let column = 0; column < width; column++) {
      const count = counts[i * width + column]!;
      if (count > major) [major, minor] = [count, major];
      else if (count > minor) minor = count;
    }
    if (minor >= minMinorCount) varying.push({ position: i + 1, minorCount: minor });
  }
  if (maxPositions !== undefined && varying.length > maxPositions) {
    // Stable sort: equal minor counts keep ascending position order.
    varying.sort((a, b) => b.minorCount - a.minorCount);
    varying.length = maxPositions;
  }
  return varying.map((v) => v.position).sort((a, b) => a - b);
}
