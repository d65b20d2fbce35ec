/**
 * Exemplars as the reference plus a short list of changes each, so the N-aware distance of
 * a query to every exemplar costs one pass over a few exemplar changes rather than over
 * every exemplar x every position. The distance equals `exemplarDistances` (width 5: a
 * deleted base is an allele) over the whole reference; the test checks it does.
 *
 * For the distances the changes are regrouped by site against a baseline: at each site the
 * allele most exemplars carry (the reference base, or a mutation shared by most of them).
 * A query then visits only the sites where it is not the baseline, and there only the
 * exemplars that are not the baseline either: a minority by construction. Against the
 * reference instead, a lineage-defining mutation of a large clade touched every exemplar
 * of that clade for every query that carries it.
 */
import { encodeAlleleCodes, UNKNOWN } from '../ml/exemplar/allele-codes';
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
  /** Sites where some exemplar has a change: distinct 0-based positions, ascending. */
  sites: Int32Array;
  /** The baseline allele at each site (most exemplars carry it; ties: the reference). */
  baseline: Uint8Array;
  /** Sites (0-based, ascending) whose baseline is not the reference base. */
  shiftedSites: Int32Array;
  /**
   * Site j's exemplars that differ from the baseline are entries siteOffsets[j] ..
   * siteOffsets[j + 1] - 1 of the two below, with their allele (the reference base at a
   * shifted site where the exemplar has no change).
   */
  siteOffsets: Int32Array;
  siteExemplars: Int32Array;
  siteAlleles: Uint8Array;
  /** Sites per exemplar where it differs from the baseline. */
  baselineDifferences: Int32Array;
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
  const referenceCode = new Map<number, number>();
  let at = 0;
  rows.forEach((row, e) => {
    if (!classOf.has(row.label)) {
      classOf.set(row.label, labelNames.length);
      labelNames.push(row.label);
    }
    labels[e] = classOf.get(row.label)!;
    const codes = encodeAlleleCodes([row.mutations.map((m) => m.alt).join('')]).codes;
    const refCodes = encodeAlleleCodes([row.mutations.map((m) => m.refNuc).join('')]).codes;
    row.mutations.forEach((m, i) => {
      referenceCode.set(m.position - 1, refCodes[i]!);
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
    ...bySite(offsets, positions, alleles, referenceCode),
  };
}

type BySite = Pick<
  SparseExemplars,
  | 'sites'
  | 'baseline'
  | 'shiftedSites'
  | 'siteOffsets'
  | 'siteExemplars'
  | 'siteAlleles'
  | 'baselineDifferences'
>;

/**
 * The changes regrouped by site against the baseline (the most frequent allele there,
 * counting exemplars without a change as the reference base), exemplars ascending.
 * @param referenceCode the reference allele code at each changed site
 */
function bySite(
  offsets: Int32Array,
  positions: Int32Array,
  alleles: Uint8Array,
  referenceCode: ReadonlyMap<number, number>,
): BySite {
  const count = offsets.length - 1;
  const sites = Int32Array.from(new Set(positions)).sort();
  const siteOf = new Map<number, number>();
  sites.forEach((p, j) => siteOf.set(p, j));
  // Changes per site (counting sort), exemplars ascending within a site.
  const changeStart = new Int32Array(sites.length + 1);
  for (const p of positions) changeStart[siteOf.get(p)! + 1]!++;
  for (let j = 0; j < sites.length; j++) changeStart[j + 1]! += changeStart[j]!;
  const next = changeStart.slice(0, sites.length);
  const changeExemplar = new Int32Array(positions.length);
  const changeAllele = new Uint8Array(positions.length);
  for (let e = 0; e < count; e++)
    for (let i = offsets[e]!; i < offsets[e + 1]!; i++) {
      const at = next[siteOf.get(positions[i]!)!]!++;
      changeExemplar[at] = e;
      changeAllele[at] = alleles[i]!;
    }

  const baseline = new Uint8Array(sites.length);
  const tally = new Int32Array(6);
  for (let j = 0; j < sites.length; j++) {
    const ref = referenceCode.get(sites[j]!)!;
    tally.fill(0);
    for (let i = changeStart[j]!; i < changeStart[j + 1]!; i++) tally[changeAllele[i]!]!++;
    tally[ref] = count - (changeStart[j + 1]! - changeStart[j]!);
    let best = ref;
    for (let code = 1; code < tally.length; code++) if (tally[code]! > tally[best]!) best = code;
    baseline[j] = best;
  }

  const exemplars: number[] = [];
  const siteAlleleList: number[] = [];
  const siteOffsets = new Int32Array(sites.length + 1);
  const baselineDifferences = new Int32Array(count);
  const shifted: number[] = [];
  const push = (e: number, allele: number): void => {
    exemplars.push(e);
    siteAlleleList.push(allele);
    baselineDifferences[e]!++;
  };
  for (let j = 0; j < sites.length; j++) {
    const ref = referenceCode.get(sites[j]!)!;
    const base = baseline[j]!;
    if (base === ref) {
      for (let i = changeStart[j]!; i < changeStart[j + 1]!; i++)
        push(changeExemplar[i]!, changeAllele[i]!);
    } else {
      shifted.push(sites[j]!);
      // Every exemplar not carrying the baseline allele: its own change, or the reference.
      let i = changeStart[j]!;
      for (let e = 0; e < count; e++) {
        const own = i < changeStart[j + 1]! && changeExemplar[i] === e;
        const allele = own ? changeAllele[i++]! : ref;
        if (allele !== base) push(e, allele);
      }
    }
    siteOffsets[j + 1] = exemplars.length;
  }
  return {
    sites,
    baseline,
    shiftedSites: Int32Array.from(shifted),
    siteOffsets,
    siteExemplars: Int32Array.from(exemplars),
    siteAlleles: Uint8Array.from(siteAlleleList),
    baselineDifferences,
  };
}

/** 1 at each 0-based reference index where some exemplar has a change. */
export function mutatedPositions(exemplars: SparseExemplars, referenceLength: number): Uint8Array {
  const mask = new Uint8Array(referenceLength);
  for (const p of exemplars.positions) mask[p] = 1;
  return mask;
}

/**
 * The query's differences: from the reference where both are known (`private`: those at
 * positions where no exemplar has a change, a mismatch to every exemplar), and from the
 * exemplars' baseline where both are known (`baseline`, what `exemplarMismatches` starts from).
 * @param candidates 0-based indices that may differ from the reference (the called
 *   substitutions and deletions); every other position holds the reference allele or unknown
 */
export function queryDifferences(
  exemplars: SparseExemplars,
  referenceCodes: Uint8Array,
  queryCodes: Uint8Array,
  candidates: Iterable<number>,
  mutated: Uint8Array,
  baselineCodes: Uint8Array,
): { baseline: number; private: number } {
  let baseline = 0;
  let unshared = 0;
  for (const p of candidates) {
    const q = queryCodes[p]!;
    const r = referenceCodes[p]!;
    if (q === UNKNOWN || r === UNKNOWN || q === r) continue;
    if (q !== baselineCodes[p]) baseline++;
    if (mutated[p] === 0) unshared++;
  }
  // Where the baseline is not the reference, a query that kept the reference base differs.
  for (const p of exemplars.shiftedSites) if (queryCodes[p] === referenceCodes[p]) baseline++;
  return { baseline, private: unshared };
}

/** The baseline allele codes over the whole reference (the reference's own elsewhere). */
export function baselineAlleleCodes(
  exemplars: SparseExemplars,
  referenceCodes: Uint8Array,
): Uint8Array {
  const codes = referenceCodes.slice();
  exemplars.sites.forEach((p, j) => (codes[p] = exemplars.baseline[j]!));
  return codes;
}

/**
 * N-aware mismatches of the query to every exemplar, counted over the reference positions
 * where both are known. Away from its listed sites an exemplar carries the baseline allele
 * (the reference base away from every change; `parseExemplarTable` checks that changes sit
 * on A, C, G or T), so the query's differences from the baseline count once for every
 * exemplar.
 *
 * Every exemplar starts at its own differences from the baseline plus the query's, and only
 * the sites where the query is not the baseline are visited: an exemplar allele the query
 * shares takes 2 off (neither side differs), one where the query is unknown or carries a
 * third allele takes 1 off (counted once, in the query's differences, or not at all).
 * @param queryBaselineDifferences `queryDifferences(...).baseline`
 */
export function exemplarMismatches(
  exemplars: SparseExemplars,
  queryCodes: Uint8Array,
  queryBaselineDifferences: number,
  out = new Int32Array(exemplars.count),
): Int32Array {
  const { sites, baseline, siteOffsets, siteExemplars, siteAlleles, baselineDifferences } =
    exemplars;
  for (let e = 0; e < exemplars.count; e++)
    out[e] = queryBaselineDifferences + baselineDifferences[e]!;
  for (let j = 0; j < sites.length; j++) {
    const q = queryCodes[sites[j]!]!;
    if (q === baseline[j]) continue;
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
