/**
 * A query's allele codes over the whole reference, from its alignment calls: the reference
 * allele where nothing was called, the called base at substitutions, a gap at deletions, and
 * unknown at N runs, ambiguity codes and outside the aligned region (the uncovered ends are
 * not deletions: nothing is known there).
 */
import type { SequenceCalls } from '../../shared/analysis-types';
import {
  allelesPerPosition,
  type AlignedAlleleFeaturizerConfig,
} from '../features/aligned-alleles';
import { encodeAlleleCodes, GAP, UNKNOWN } from '../ml/exemplar/allele-codes';

const BASE_CODE: Record<string, number> = { A: 1, C: 2, G: 3, T: 4 };

/** Allele codes of the reference (A, C, G, T; anything else unknown). */
export function referenceAlleleCodes(reference: string): Uint8Array {
  return encodeAlleleCodes([reference]).codes;
}

/**
 * @param out reused buffer of the reference length (overwritten)
 */
export function queryAlleleCodes(
  referenceCodes: Uint8Array,
  calls: SequenceCalls,
  out = new Uint8Array(referenceCodes.length),
): Uint8Array {
  out.set(referenceCodes);
  for (const s of calls.substitutions) out[s.position - 1] = BASE_CODE[s.queryNuc] ?? UNKNOWN;
  for (const a of calls.ambiguous) out[a.position - 1] = UNKNOWN;
  for (const m of calls.missing) out.fill(UNKNOWN, m.start - 1, m.end);
  for (const d of calls.deletions) out.fill(GAP, d.start - 1, d.start - 1 + d.length);
  out.fill(UNKNOWN, 0, Math.max(0, calls.alignmentStart - 1));
  out.fill(UNKNOWN, calls.alignmentEnd);
  return out;
}

/** 0-based indices the calls may have changed from the reference (each once, ascending). */
export function changedIndices(calls: SequenceCalls): number[] {
  const indices = new Set<number>();
  for (const s of calls.substitutions) indices.add(s.position - 1);
  for (const d of calls.deletions) for (let i = 0; i < d.length; i++) indices.add(d.start - 1 + i);
  return [...indices].sort((a, b) => a - b);
}

/**
 * The aligned-allele features of a query from its allele codes (`queryAlleleCodes`), without
 * building its aligned string: the same row as `alignedAlleleFeatures` of
 * `alignedSequence(reference, calls)`, where the uncovered ends read as '-' (so a gap column,
 * when the featurizer has one, is set there too).
 * @param out the row to fill (zeroed here), featurizer dimension long
 */
export function queryAlleleFeatures(
  config: AlignedAlleleFeaturizerConfig,
  queryCodes: Uint8Array,
  calls: Pick<SequenceCalls, 'alignmentStart' | 'alignmentEnd'>,
  out: Float32Array,
): Float32Array {
  const width = allelesPerPosition(config);
  out.fill(0);
  config.positions.forEach((position, p) => {
    const covered = position >= calls.alignmentStart && position <= calls.alignmentEnd;
    const code = covered ? queryCodes[position - 1]! : GAP;
    if (code !== UNKNOWN && code <= width) out[p * width + code - 1] = 1;
  });
  return out;
}
