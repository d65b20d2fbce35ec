/** Labeled exemplar sequences over the same aligned positions, and the vote settings. */
import { InvalidInputError } from '../../errors';
import type { AlleleWidth } from './allele-codes';

export interface ExemplarSet {
  /** Aligned positions per sequence (columns of `codes`). */
  positions: number;
  /** Allele codes, exemplars x positions, row-major (see allele-codes.ts). */
  codes: Uint8Array;
  /** Class index per exemplar, 0..nClasses-1. */
  labels: Int32Array;
  nClasses: number;
  width: AlleleWidth;
  /**
   * Weight of a mismatch at each position (1..255; all 1 when absent): clade-defining sites
   * weigh more, so a genome is placed by the mutations that define clades rather than by
   * private ones.
   */
  siteWeights?: Uint8Array;
}

/**
 * How neighbours vote: weight exp(-(d - d_nearest) / tau) (`exp`; shifting by the nearest
 * distance keeps the weights finite and leaves their ratios unchanged) or 1 / (1 + d)
 * (`inverse`). With `normalize`, d = mismatches / positions known in both sequences.
 */
export interface ExemplarVoteOptions {
  k?: number;
  weighting?: 'exp' | 'inverse';
  tau?: number;
  normalize?: boolean;
}

export type ResolvedVoteOptions = Required<ExemplarVoteOptions>;

/** Checks shapes and labels; throws InvalidInputError on the first problem. */
export function assertExemplarSet(set: ExemplarSet): void {
  const m = set.labels.length;
  if (m === 0) throw new InvalidInputError('an exemplar set needs at least one exemplar');
  if (set.codes.length !== m * set.positions)
    throw new InvalidInputError(
      `exemplar codes hold ${set.codes.length} values, expected ${m} x ${set.positions}`,
    );
  for (const label of set.labels)
    if (!Number.isInteger(label) || label < 0 || label >= set.nClasses)
      throw new InvalidInputError(`exemplar label ${label} is not in 0..${set.nClasses - 1}`);
  if (set.siteWeights) {
    if (set.siteWeights.length !== set.positions)
      throw new InvalidInputError(
        `site weights hold ${set.siteWeights.length} values, expected ${set.positions}`,
      );
    if (set.siteWeights.some((w) => w === 0))
      throw new InvalidInputError('site weights must be 1..255');
  }
}

/** Vote options with defaults (k 5, exp weighting, tau 1 or 0.001 when normalized). */
export function resolveVoteOptions(
  set: ExemplarSet,
  options: ExemplarVoteOptions,
): ResolvedVoteOptions {
  const k = options.k ?? 5;
  if (!Number.isInteger(k) || k < 1 || k > set.labels.length)
    throw new InvalidInputError(`k must be an integer in 1..${set.labels.length}, got ${k}`);
  const normalize = options.normalize ?? false;
  const tau = options.tau ?? (normalize ? 0.001 : 1);
  if (!(tau > 0)) throw new InvalidInputError(`tau must be positive, got ${tau}`);
  return { k, weighting: options.weighting ?? 'exp', tau, normalize };
}
