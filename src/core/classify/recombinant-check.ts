/**
 * Recombinant detection for one query. `detectRecombinant` costs exemplars x positions, so
 * it runs on the candidates that can matter: the nearest exemplars overall and the nearest
 * exemplar of each of the nearest classes, over the sites where the candidates differ (at
 * every other site all candidates agree, so the best mosaic and its gain do not change).
 */
import { GAP, UNKNOWN } from '../ml/exemplar/allele-codes';
import type { ExemplarSet } from '../ml/exemplar/exemplar-set';
import { detectRecombinant, type RecombinantOptions } from '../ml/exemplar/recombinant';
import type { SparseExemplars } from './sparse-exemplars';

/** Nearest exemplars kept as candidates, whatever their class. */
const NEAREST_OVERALL = 8;
/** Classes (the nearest by their nearest exemplar) whose nearest exemplar is a candidate. */
const NEAREST_CLASSES = 12;
/**
 * `detectRecombinant`'s rule, plus: the mosaic must save at least `minSavedFraction` of the
 * nearest exemplar's mismatches that are not private (a sample far from every exemplar is
 * otherwise easily "explained" a little better by some mosaic).
 */
export interface RecombinantRule extends RecombinantOptions {
  minSavedFraction?: number;
}

/**
 * Set on held-out tips (20% of each clade, seeds 1-3; exemplars from the rest; X* lineages are
 * the SARS-CoV-2 recombinants, flu HA and RSV-A tips are taken as non-recombinant), with
 * deletion runs counted as one event (`eventColumns`). At 6 and 3 plus 25% of the informative
 * distance: 19 of 129 held-out X* flagged, 1 of 1,653 other SARS-CoV-2, 3 of 813 RSV-A and
 * 0 of 1,098 flu tips. Before deletion runs were collapsed, 8 and 3 flagged 20 X* but also 8
 * other SARS-CoV-2 and 10 RSV-A tips (a shared or missing 9-base deletion alone passed).
 */
export const DEFAULT_RECOMBINANT_RULE: Required<RecombinantRule> = {
  minSavedMismatches: 6,
  minSegmentMismatches: 3,
  minSavedFraction: 0.25,
};

export interface RecombinantFinding {
  /** Class indices of the parent of the 5' part, then of the 3' part. */
  parents: [number, number];
  /** 1-based reference position of the first informative site taken from the second parent. */
  breakpoint: number;
}

/** Candidate exemplar indices, ascending. */
export function recombinantCandidates(exemplars: SparseExemplars, distances: Int32Array): number[] {
  const classBest = new Int32Array(exemplars.labelNames.length).fill(-1);
  const order = (a: number, b: number): number => distances[a]! - distances[b]! || a - b;
  const top: number[] = [];
  for (let e = 0; e < exemplars.count; e++) {
    const c = exemplars.labels[e]!;
    if (classBest[c]! < 0 || distances[e]! < distances[classBest[c]!]!) classBest[c] = e;
    if (top.length < NEAREST_OVERALL || order(e, top[top.length - 1]!) < 0) {
      top.push(e);
      top.sort(order);
      if (top.length > NEAREST_OVERALL) top.pop();
    }
  }
  const classes = Array.from(classBest).filter((e) => e >= 0);
  classes.sort(order);
  return [...new Set([...top, ...classes.slice(0, NEAREST_CLASSES)])].sort((a, b) => a - b);
}

/** Per-site scratch reused across queries (one per worker), stamped to avoid clearing. */
export interface RecombinantScratch {
  stamp: number;
  seen: Int32Array;
  count: Int32Array;
  allele: Uint8Array;
  mixed: Uint8Array;
  column: Int32Array;
}

/** Scratch for a reference of `referenceLength` bases, reused by one thread's queries. */
export function createRecombinantScratch(referenceLength: number): RecombinantScratch {
  return {
    stamp: 0,
    seen: new Int32Array(referenceLength),
    count: new Int32Array(referenceLength),
    allele: new Uint8Array(referenceLength),
    mixed: new Uint8Array(referenceLength),
    column: new Int32Array(referenceLength),
  };
}

/** Sites (0-based, ascending) where the candidates do not all carry the same allele. */
function informativeSites(
  exemplars: SparseExemplars,
  candidates: readonly number[],
  scratch: RecombinantScratch,
): Int32Array {
  const { offsets, positions, alleles } = exemplars;
  const { seen, count, allele, mixed } = scratch;
  const stamp = ++scratch.stamp;
  const sites: number[] = [];
  for (const e of candidates)
    for (let i = offsets[e]!; i < offsets[e + 1]!; i++) {
      const p = positions[i]!;
      if (seen[p] !== stamp) {
        seen[p] = stamp;
        count[p] = 1;
        allele[p] = alleles[i]!;
        mixed[p] = 0;
        sites.push(p);
      } else {
        count[p]!++;
        if (allele[p] !== alleles[i]) mixed[p] = 1;
      }
    }
  const kept = sites.filter((p) => mixed[p] === 1 || count[p]! < candidates.length);
  return Int32Array.from(kept).sort();
}

/**
 * Tests the query for a two-parent mosaic of different classes. Most queries are settled
 * without the search: a difference no exemplar shares is a mismatch for every exemplar and
 * every mosaic, so when the nearest exemplar's other mismatches are fewer than a mosaic
 * must save, no mosaic can qualify.
 * @param best the nearest exemplar's distance, and how much of it is private differences
 * @returns the parents and breakpoint when `detectRecombinant` calls it, else null
 */
export function findRecombinant(
  exemplars: SparseExemplars,
  referenceCodes: Uint8Array,
  queryCodes: Uint8Array,
  distances: Int32Array,
  best: { distance: number; privateDifferences: number },
  options: RecombinantRule = {},
  scratch = createRecombinantScratch(referenceCodes.length),
): RecombinantFinding | null {
  const rule = { ...DEFAULT_RECOMBINANT_RULE, ...options };
  const informative = best.distance - best.privateDifferences;
  if (informative < rule.minSavedMismatches) return null;
  const candidates = recombinantCandidates(exemplars, distances);
  if (new Set(candidates.map((e) => exemplars.labels[e])).size < 2) return null;
  const sites = informativeSites(exemplars, candidates, scratch);
  const P = sites.length;
  if (P < 2) return null;
  const { column } = scratch;
  const { offsets, positions, alleles } = exemplars;
  const siteCodes = new Uint8Array(P);
  const query = new Uint8Array(P);
  for (let j = 0; j < P; j++) {
    column[sites[j]!] = j;
    siteCodes[j] = referenceCodes[sites[j]!]!;
    query[j] = queryCodes[sites[j]!]!;
  }
  const codes = new Uint8Array(candidates.length * P);
  const labels = new Int32Array(candidates.length);
  const stamp = ++scratch.stamp;
  for (let j = 0; j < P; j++) scratch.seen[sites[j]!] = stamp;
  candidates.forEach((e, row) => {
    codes.set(siteCodes, row * P);
    for (let i = offsets[e]!; i < offsets[e + 1]!; i++)
      if (scratch.seen[positions[i]!] === stamp)
        codes[row * P + column[positions[i]!]!] = alleles[i]!;
    labels[row] = exemplars.labels[e]!;
  });
  const keep = eventColumns(sites, siteCodes, codes, query, candidates.length);
  const set: ExemplarSet = {
    positions: keep.length,
    codes: keep.length === P ? codes : selectColumns(codes, candidates.length, P, keep),
    labels,
    nClasses: exemplars.labelNames.length,
    width: 5,
  };
  const call = detectRecombinant(
    set,
    keep.length === P ? query : selectColumns(query, 1, P, keep),
    rule,
  );
  if (!call.recombinant || !call.mosaic) return null;
  if (call.mosaic.saved < rule.minSavedFraction * informative) return null;
  return {
    parents: [call.mosaic.parentA.label, call.mosaic.parentB.label],
    breakpoint: sites[keep[call.mosaic.breakpoint]!]! + 1,
  };
}

/**
 * Columns that each count one mutational event: a site right after another whose only
 * information is the same deletion (every candidate and the query gapped at both or at
 * neither, with the reference base where not gapped) continues that deletion, so a 9-base
 * deletion weighs as one difference rather than nine. Without this, a shared or missing
 * multi-base deletion alone looked like a mosaic saving 9 mismatches.
 */
export function eventColumns(
  sites: Int32Array,
  siteCodes: Uint8Array,
  codes: Uint8Array,
  query: Uint8Array,
  rows: number,
): number[] {
  const P = sites.length;
  const keep = [0];
  const continues = (j: number, code: number, previous: number): boolean =>
    code === GAP ? previous === GAP : previous !== GAP && code === siteCodes[j];
  for (let j = 1; j < P; j++) {
    let gapped = query[j] === GAP;
    let same =
      sites[j] === sites[j - 1]! + 1 &&
      (query[j] === UNKNOWN
        ? query[j - 1] === UNKNOWN
        : query[j - 1] !== UNKNOWN && continues(j, query[j]!, query[j - 1]!));
    for (let r = 0; same && r < rows; r++) {
      const code = codes[r * P + j]!;
      if (code === GAP) gapped = true;
      same = continues(j, code, codes[r * P + j - 1]!);
    }
    if (!(same && gapped)) keep.push(j);
  }
  return keep;
}

/** The given columns of a rows x width matrix, in order. */
function selectColumns(
  matrix: Uint8Array,
  rows: number,
  width: number,
  columns: readonly number[],
): Uint8Array {
  const out = new Uint8Array(rows * columns.length);
  for (let r = 0; r < rows; r++)
    columns.forEach((c, j) => (out[r * columns.length + j] = matrix[r * width + c]!));
  return out;
}
