/**
 * Anchors: stretches of one diagonal found from exact k-mer seeds. From a seed, the anchor
 * extends back over exact matches and forward over exact matches and over isolated
 * differences (one mismatch, or a run of N/ambiguity codes) that are followed by k exact
 * matches on the same diagonal: there, no gapped alignment can score better, so no DP is
 * needed. Near-identical genomes thus cost a few hash lookups per indel.
 */
import type { KmerIndex } from './kmer-index';
import { CODE_OF_MASK } from './nuc-codes';

/** Anchors in query order; parallel arrays, 0-based half-open [start, start + length). */
export interface Anchors {
  queryStart: number[];
  refStart: number[];
  length: number[];
}

function isBaseCode(mask: number): boolean {
  return CODE_OF_MASK[mask]! >= 0;
}

/** The first query position >= from that starts a k-mer found once in the reference. */
function nextSeed(
  query: Uint8Array,
  from: number,
  to: number,
  index: KmerIndex,
): { queryPos: number; refPos: number } | null {
  const { k, kmerMask } = index;
  let code = 0;
  let valid = 0;
  for (let i = from; i < to; i += 1) {
    const base = CODE_OF_MASK[query[i]!]!;
    if (base < 0) {
      valid = 0;
      continue;
    }
    code = ((code << 2) | base) & kmerMask;
    valid += 1;
    if (valid < k) continue;
    const refPos = index.lookup(code);
    if (refPos >= 0) return { queryPos: i - k + 1, refPos };
  }
  return null;
}

/** True when query[q, q + k) equals ref[q - diagonal, ...) base for base. */
function exactRun(
  query: Uint8Array,
  ref: Uint8Array,
  q: number,
  diagonal: number,
  k: number,
): boolean {
  for (let i = q; i < q + k; i += 1)
    if (query[i] !== ref[i - diagonal] || !isBaseCode(query[i]!)) return false;
  return true;
}

/** Anchors of query[from, to) against the reference. */
export function findAnchors(
  query: Uint8Array,
  from: number,
  to: number,
  ref: Uint8Array,
  index: KmerIndex,
): Anchors {
  const anchors: Anchors = { queryStart: [], refStart: [], length: [] };
  const k = index.k;
  const refLength = ref.length;
  let searchFrom = from;
  let previousEnd = from;
  while (searchFrom + k <= to) {
    const seed = nextSeed(query, searchFrom, to, index);
    if (!seed) break;
    const diagonal = seed.queryPos - seed.refPos; // query = ref + diagonal
    let start = seed.queryPos;
    while (
      start > previousEnd &&
      start - diagonal > 0 &&
      query[start - 1] === ref[start - 1 - diagonal] &&
      isBaseCode(query[start - 1]!)
    )
      start -= 1;
    let end = seed.queryPos + k;
    const queryLimit = Math.min(to, refLength + diagonal);
    while (end < queryLimit) {
      if (query[end] === ref[end - diagonal]) {
        end += 1;
        continue;
      }
      let resume = end + 1;
      if (!isBaseCode(query[end]!))
        while (resume < queryLimit && !isBaseCode(query[resume]!)) resume += 1;
      if (resume + k > queryLimit || !exactRun(query, ref, resume, diagonal, k)) break;
      end = resume + k;
    }
    anchors.queryStart.push(start);
    anchors.refStart.push(start - diagonal);
    anchors.length.push(end - start);
    previousEnd = end;
    searchFrom = end;
  }
  return anchors;
}
