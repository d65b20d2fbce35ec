/**
 * Exemplars as the reference plus a short list of changes each, so the N-aware distance of
 * a query to every exemplar costs one pass over the exemplars' mutations rather than over
 * every exemplar x every position. The distance equals `exemplarDistances` (width 5: a
 * deleted base is an allele) over the whole reference; the test checks it does.
 */
import { encodeAlleleCodes, UNKNOWN } from '../exemplar/allele-codes';
import type { ExemplarRow } from './exemplar-table';

export interface SparseExemplars {
  count: number;
  /** Exemplar e's changes are entries offsets[e] .. offsets[e + 1] - 1. */
  offsets: Int32Array;
  /** 0-based reference index of each change. */
  positions: Int32Array;
  /** Allele code of each change (allele-codes.ts: 1..4 = A, C, G, T, 5 = gap). */
  alleles: Uint8Array;
  /** Class index of each exemplar into `labelNames`. */
  labels: Int32Array;
  labelNames: string[];
  ids: string[];
  /** The same changes by site: distinct 0-based positions, ascending. */
  sites: Int32Array;
  /** Site j's changes are entries siteOffsets[j] .. siteOffsets[j + 1] - 1 of the two below. */
  siteOffsets: Int32Array;
  siteExemplars: Int32Array;
  siteAlleles: Uint8Array;
  /** Changes per exemplar. */
  changeCounts: Int32Array;
}

/** Packs parsed rows; class indices follow the labels' first appearance. */
export function buildSparseExemplars(rows: readonly ExemplarRow[]): SparseExemplars {
  const labelNames: string[] = [];
  const classOf = new Map<string, number>();
  const total = rows.reduce((sum, row) => sum + row.mutations.length, 0);
  const offsets = new Int32Array(rows.length + 1);
  const positions = new Int32Array(total);
  const alleles = new Uint8Array(total);
  const labels = new Int32Array(rows.length);
  let at = 0;
  rows.forEach((row, e) => {
    if (!classOf.has(row.label)) {
      classOf.set(row.label, labelNames.length);
      labelNames.push(row.label);
    }
    labels[e] = classOf.get(row.label)!;
    const codes = encodeAlleleCodes([row.mutations.map((m) => m.alt).join('')]).codes;
    row.mutations.forEach((m, i) => {
      positions[at] = m.position - 1;
      alleles[at] = codes[i]!;
      at++;
    });
    offsets[e + 1] = at;
  });
  return {
    count: rows.length,
    offsets,
    positions,
    alleles,
    labels,
    labelNames,
    ids: rows.map((r) => r.id),
    ...bySite(offsets, positions, alleles),
    changeCounts: Int32Array.from({ length: rows.length }, (_, e) => offsets[e + 1]! - offsets[e]!),
  };
}

/** The changes regrouped by site (a counting sort on position), exemplars ascending within a site. */
function bySite(
  offsets: Int32Array,
  positions: Int32Array,
  alleles: Uint8Array,
): Pick<SparseExemplars, 'sites' | 'siteOffsets' | 'siteExemplars' | 'siteAlleles'> {
  const length = positions.reduce((max, p) => Math.max(max, p + 1), 0);
  const perPosition = new Int32Array(length + 1);
  for (const p of positions) perPosition[p + 1]!++;
  for (let p = 0; p < length; p++) perPosition[p + 1]! += perPosition[p]!;
  const sites = Int32Array.from({ length }, (_, p) =>
    perPosition[p + 1]! > perPosition[p]! ? p : -1,
  ).filter((p) => p >= 0);
  const siteOffsets = Int32Array.from([...sites, length], (p) => perPosition[p]!);
  const next = perPosition.slice(0, length);
  const siteExemplars = new Int32Array(positions.length);
  const siteAlleles = new Uint8Array(positions.length);
  for (let e = 0; e + 1 < offsets.length; e++)
    for (let i = offsets[e]!; i < offsets[e + 1]!; i++) {
      const at = next[positions[i]!]!++;
      siteExemplars[at] = e;
      siteAlleles[at] = alleles[i]!;
    }
  return { sites, siteOffsets, siteExemplars, siteAlleles };
}

/** 1 at each 0-based reference index where some exemplar has a change. */
export function mutatedPositions(exemplars: SparseExemplars, referenceLength: number): Uint8Array {
  const mask = new Uint8Array(referenceLength);
  for (const p of exemplars.positions) mask[p] = 1;
  return mask;
}

/**
 * The query's differences from the reference: positions where both are known and differ,
 * in all (`total`) and where no exemplar has a change (`private`, a mismatch to every one).
 * @param candidates 0-based indices that may differ (the called substitutions and
 *   deletions); every other position holds the reference allele or unknown
 */
export function queryDifferences(
  referenceCodes: Uint8Array,
  queryCodes: Uint8Array,
  candidates: Iterable<number>,
  mutated: Uint8Array,
): { total: number; private: number } {
  let total = 0;
  let unshared = 0;
  for (const p of candidates) {
    const q = queryCodes[p]!;
    const r = referenceCodes[p]!;
    if (q === UNKNOWN || r === UNKNOWN || q === r) continue;
    total++;
    if (mutated[p] === 0) unshared++;
  }
  return { total, private: unshared };
}

/**
 * N-aware mismatches of the query to every exemplar, counted over the reference positions
 * where both are known. Exemplar changes sit where the reference base is A, C, G or T
 * (`parseExemplarTable` checks), so away from its changes an exemplar equals the reference
 * and the query's own differences (`queryDifferences`) count once for every exemplar.
 *
 * Read by site: each change of an exemplar is a mismatch while the query holds the
 * reference base there, which it does at most sites. So every exemplar starts at its change
 * count plus the query's differences, and only the sites where the query is not the
 * reference are visited: a change the query shares takes 2 off (neither side differs), one
 * where the query is unknown or carries a third allele takes 1 off (counted once, in the
 * query's differences, or not at all).
 */
export function exemplarMismatches(
  exemplars: SparseExemplars,
  referenceCodes: Uint8Array,
  queryCodes: Uint8Array,
  queryDifferences: number,
  out = new Int32Array(exemplars.count),
): Int32Array {
  const { sites, siteOffsets, siteExemplars, siteAlleles, changeCounts } = exemplars;
  for (let e = 0; e < exemplars.count; e++) out[e] = queryDifferences + changeCounts[e]!;
  for (let j = 0; j < sites.length; j++) {
    const p = sites[j]!;
    const q = queryCodes[p]!;
    if (q === referenceCodes[p]) continue;
    for (let i = siteOffsets[j]!; i < siteOffsets[j + 1]!; i++)
      out[siteExemplars[i]!]! -= q === siteAlleles[i] ? 2 : 1;
  }
  return out;
}

/** Index of the smallest value (ties: the first), or -1 when empty. */
export function argMin(values: Int32Array): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i]! < values[best]!) best = i;
  return best;
}
