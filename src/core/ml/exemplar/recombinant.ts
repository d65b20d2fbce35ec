/**
 * Recombinant detection against exemplars over ordered positions. The best single parent is
 * the exemplar with the fewest N-aware mismatches; the best mosaic takes positions [0, b)
 * from parent A and [b, P) from parent B (one breakpoint, parents of different classes).
 * With per-exemplar prefix sums of mismatches, the best A for a prefix and the best B for a
 * suffix are found for every breakpoint in one pass over the exemplars: O(m x P) time,
 * O(P) memory.
 *
 * Rule: `recombinant` when the mosaic saves at least `minSavedMismatches` mismatches over
 * the best single parent and each segment holds at least `minSegmentMismatches` mismatches
 * that the other parent would have had (so both parents really contribute).
 */
import { isKnown } from './allele-codes';
import type { ExemplarSet } from './exemplar-set';

export interface RecombinantOptions {
  /** Default 3. */
  minSavedMismatches?: number;
  /** Default 2: mismatches each segment saves against the other parent. */
  minSegmentMismatches?: number;
}

export interface RecombinantCall {
  recombinant: boolean;
  best: { exemplar: number; label: number; mismatches: number };
  /** The best two-parent mosaic, or null when no breakpoint separates different classes. */
  mosaic: {
    /** Parent of positions [0, breakpoint). */
    parentA: { exemplar: number; label: number };
    /** Parent of positions [breakpoint, P). */
    parentB: { exemplar: number; label: number };
    /** Index of the first position taken from parent B. */
    breakpoint: number;
    mismatches: number;
    /** Mismatches saved over the best single parent. */
    saved: number;
  } | null;
}

/** Best (value, exemplar) per breakpoint, plus the best among classes other than the best's. */
class BestTwo {
  value: Int32Array;
  exemplar: Int32Array;
  otherValue: Int32Array;
  otherExemplar: Int32Array;

  constructor(size: number) {
    this.value = new Int32Array(size).fill(2 ** 30);
    this.exemplar = new Int32Array(size).fill(-1);
    this.otherValue = new Int32Array(size).fill(2 ** 30);
    this.otherExemplar = new Int32Array(size).fill(-1);
  }

  offer(i: number, value: number, exemplar: number, labels: Int32Array): void {
    const best = this.exemplar[i]!;
    const differs = best < 0 || labels[best] !== labels[exemplar];
    if (value < this.value[i]!) {
      if (differs) {
        this.otherValue[i] = this.value[i]!;
        this.otherExemplar[i] = best;
      }
      this.value[i] = value;
      this.exemplar[i] = exemplar;
    } else if (differs && value < this.otherValue[i]!) {
      this.otherValue[i] = value;
      this.otherExemplar[i] = exemplar;
    }
  }
}

interface ExemplarScan {
  /** Per breakpoint i: the best parents of the prefix [0, i). */
  prefixBest: BestTwo;
  /** Per breakpoint i: the best parents of the suffix [i, P). */
  suffixBest: BestTwo;
  /** The best single parent and its mismatches. */
  best: number;
  bestMismatches: number;
}

/** One pass over the exemplars: the best single parent, and the best parents per breakpoint. */
function scanExemplars(set: ExemplarSet, query: Uint8Array): ExemplarScan {
  const { positions: P, codes, labels, width } = set;
  const m = labels.length;
  const prefixBest = new BestTwo(P + 1); // prefix [0, i)
  const suffixBest = new BestTwo(P + 1); // suffix [i, P)
  const prefix = new Int32Array(P + 1);
  // Unknown query alleles become 255 and never count; at a known one, a mismatch is a
  // different exemplar allele that is itself known (a comparison and a table lookup).
  const queryKnown = Uint8Array.from(query, (code) => (isKnown(code, width) ? code : 255));
  const knownCode = Uint8Array.from({ length: 256 }, (_, code) => (isKnown(code, width) ? 1 : 0));
  let best = -1;
  let bestMismatches = Infinity;
  for (let e = 0; e < m; e++) {
    const row = e * P;
    for (let p = 0; p < P; p++) {
      const code = codes[row + p]!;
      const q = queryKnown[p]!;
      prefix[p + 1] = prefix[p]! + (q !== 255 && code !== q ? knownCode[code]! : 0);
    }
    const total = prefix[P]!;
    if (total < bestMismatches) {
      bestMismatches = total;
      best = e;
    }
    // Most exemplars fit worse than both kept candidates: test that before offering.
    const prefixOther = prefixBest.otherValue;
    const suffixOther = suffixBest.otherValue;
    for (let i = 0; i <= P; i++) {
      const head = prefix[i]!;
      if (head < prefixOther[i]!) prefixBest.offer(i, head, e, labels);
      if (total - head < suffixOther[i]!) suffixBest.offer(i, total - head, e, labels);
    }
  }
  return { prefixBest, suffixBest, best, bestMismatches };
}

/** The two-parent mosaic (parents of different classes) with the fewest mismatches. */
function bestMosaic(scan: ExemplarScan, labels: Int32Array, P: number): RecombinantCall['mosaic'] {
  const { prefixBest, suffixBest, bestMismatches } = scan;
  let mosaic: RecombinantCall['mosaic'] = null;
  for (let i = 1; i < P; i++) {
    const a = prefixBest.exemplar[i]!;
    const b = suffixBest.exemplar[i]!;
    const candidates: [number, number][] =
      labels[a] !== labels[b]
        ? [[a, b]]
        : [
            [a, suffixBest.otherExemplar[i]!],
            [prefixBest.otherExemplar[i]!, b],
          ];
    for (const [pa, pb] of candidates) {
      if (pa < 0 || pb < 0) continue;
      const mismatches =
        (pa === a ? prefixBest.value[i]! : prefixBest.otherValue[i]!) +
        (pb === b ? suffixBest.value[i]! : suffixBest.otherValue[i]!);
      if (mosaic === null || mismatches < mosaic.mismatches)
        mosaic = {
          parentA: { exemplar: pa, label: labels[pa]! },
          parentB: { exemplar: pb, label: labels[pb]! },
          breakpoint: i,
          mismatches,
          saved: bestMismatches - mismatches,
        };
    }
  }
  return mosaic;
}

/** Tests one query (allele codes over `set.positions`) for a single-breakpoint mosaic. */
export function detectRecombinant(
  set: ExemplarSet,
  query: Uint8Array,
  options: RecombinantOptions = {},
): RecombinantCall {
  const minSaved = options.minSavedMismatches ?? 3;
  const minSegment = options.minSegmentMismatches ?? 2;
  const { positions: P, labels } = set;
  const scan = scanExemplars(set, query);
  const { best, bestMismatches } = scan;
  const mosaic = bestMosaic(scan, labels, P);
  const recombinant =
    mosaic !== null &&
    mosaic.saved >= minSaved &&
    segmentGain(
      set,
      query,
      mosaic.parentB.exemplar,
      mosaic.parentA.exemplar,
      0,
      mosaic.breakpoint,
    ) >= minSegment &&
    segmentGain(
      set,
      query,
      mosaic.parentA.exemplar,
      mosaic.parentB.exemplar,
      mosaic.breakpoint,
      P,
    ) >= minSegment;
  return {
    recombinant,
    best: { exemplar: best, label: labels[best]!, mismatches: bestMismatches },
    mosaic,
  };
}

/** Mismatches of `other` minus those of `own` on positions [from, to) of the query. */
function segmentGain(
  set: ExemplarSet,
  query: Uint8Array,
  other: number,
  own: number,
  from: number,
  to: number,
): number {
  const { positions: P, codes, width } = set;
  let gain = 0;
  for (let p = from; p < to; p++) {
    const q = query[p]!;
    if (!isKnown(q, width)) continue;
    const o = codes[other * P + p]!;
    const s = codes[own * P + p]!;
    if (isKnown(o, width) && o !== q) gain++;
    if (isKnown(s, width) && s !== q) gain--;
  }
  return gain;
}
