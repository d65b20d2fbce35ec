/**
 * Recombinant detection on a reference tree: whether a query is explained much better by a
 * mosaic of two nodes than by its single placement. Candidates are the nearest nodes overall
 * and the nearest node of each clade; over the sites where the query or a candidate differs,
 * a Viterbi pass with a cost per switch (as in a Li-Stephens copying model, which sc2ts and
 * RIPPLES approximate) finds the mosaic with the fewest mismatches plus switch costs.
 */
import type { PlacementIndex, PlacementQuery } from './placement';

export interface MosaicRule {
  /** Mismatches a breakpoint costs. */
  switchCost: number;
  /** Mismatches (after switch costs) the mosaic must save over the single placement. */
  minGain: number;
  /** Sites each parent's segment must be the better explanation at. */
  minSupport: number;
  /** Nearest nodes taken as candidates whatever their clade. */
  nearest: number;
}

/**
 * Set by `bench/place/recombinants.ts` (leave-one-out on the shipped trees, 3% N): 183 of
 * 216 SARS-CoV-2 recombinant tips called recombinant (placed on a recombinant node or
 * flagged), 26 of the 59 the placement alone gets wrong; other tips flagged: 5 of 2,758
 * SARS-CoV-2 (0.18%), 6 of 1,341 RSV-A (0.45%), 1 of 1,867 H3N2 HA (0.05%).
 */
export const DEFAULT_MOSAIC_RULE: MosaicRule = {
  switchCost: 2,
  minGain: 3,
  minSupport: 2,
  nearest: 16,
};

export interface Mosaic {
  /** The two parent nodes, the 5'-most segment's first. */
  parents: [number, number];
  /**
   * Where each switch lies: after the last informative site of one parent's segment and
   * before the first of the next (1-based reference positions).
   */
  breakpoints: { after: number; before: number }[];
  /** Mismatches of the single placement and of the mosaic (switch costs not included). */
  singleMismatches: number;
  mosaicMismatches: number;
}

/** Candidate nodes: the `nearest` nearest overall and each clade's nearest, ascending. */
function candidates(
  index: PlacementIndex,
  distances: Int32Array,
  nearest: number,
  exclude?: (node: number) => boolean,
): number[] {
  const { clade, size } = index.tree;
  const cladeBest = new Map<string, number>();
  const order = (a: number, b: number): number => distances[a]! - distances[b]! || a - b;
  const top: number[] = [];
  for (let node = 0; node < size; node++) {
    if (exclude?.(node)) continue;
    const best = cladeBest.get(clade[node]!);
    if (best === undefined || order(node, best) < 0) cladeBest.set(clade[node]!, node);
    if (top.length < nearest || order(node, top[top.length - 1]!) < 0) {
      top.push(node);
      top.sort(order);
      if (top.length > nearest) top.pop();
    }
  }
  return [...new Set([...top, ...cladeBest.values()])].sort((a, b) => a - b);
}

/** The covered sites where the query or some candidate differs from the reference. */
function informativeSites(index: PlacementIndex, query: PlacementQuery, nodes: number[]): number[] {
  const { stateStart, statePos, referenceLength } = index.tree;
  // A mark per position (no Set, no per-entry search): 1 = a site, 2 = not covered.
  const mark = new Uint8Array(referenceLength + 2);
  for (const { start, end } of query.uncovered)
    mark.fill(2, Math.max(1, start), Math.min(end, referenceLength) + 1);
  const add = (p: number): void => {
    if (mark[p] === 0) mark[p] = 1;
  };
  for (const p of query.positions) if (p >= 1 && p <= referenceLength) add(p);
  for (const node of nodes)
    for (let i = stateStart[node]!; i < stateStart[node + 1]!; i++) add(statePos[i]!);
  const sites: number[] = [];
  for (let p = 1; p <= referenceLength; p++) if (mark[p] === 1) sites.push(p);
  return sites;
}

const GAP = '-'.charCodeAt(0);

/**
 * mismatch[c * sites.length + s] = 1 where candidate c's base differs from the query's.
 * Deleted bases count for nothing: where an indel sits in a repeat, aligners place it
 * differently, and one shifted deletion would otherwise read as a run of mismatches that a
 * mosaic "explains".
 */
function mismatchMatrix(
  index: PlacementIndex,
  query: PlacementQuery,
  nodes: number[],
  sites: number[],
  reference: string,
): Uint8Array {
  const { stateStart, statePos, stateAlt } = index.tree;
  const width = sites.length;
  // The reference's and the query's base at each site (plain loops: this runs per site and
  // candidate, ~50 x 3,000 times per RSV-A genome).
  const refAt = new Uint8Array(width);
  const wanted = new Uint8Array(width);
  for (let s = 0; s < width; s++) refAt[s] = wanted[s] = reference.charCodeAt(sites[s]! - 1);
  for (let q = 0, s = 0; q < query.positions.length && s < width; q++) {
    const p = query.positions[q]!;
    while (s < width && sites[s]! < p) s++;
    if (s < width && sites[s] === p) wanted[s] = query.alts[q]!;
  }
  const out = new Uint8Array(nodes.length * width);
  for (let c = 0; c < nodes.length; c++) {
    const node = nodes[c]!;
    let i = stateStart[node]!;
    const end = stateStart[node + 1]!;
    const row = c * width;
    for (let s = 0; s < width; s++) {
      const p = sites[s]!;
      while (i < end && statePos[i]! < p) i++;
      const base = i < end && statePos[i] === p ? stateAlt[i]! : refAt[s]!;
      const q = wanted[s]!;
      out[row + s] = base === q || base === GAP || q === GAP ? 0 : 1;
    }
  }
  return out;
}

/**
 * Drops the sites where every candidate matches the query (shared mutations, most of them on
 * a long-diverged tree): they add nothing to any path's cost.
 */
function withoutAgreement(
  all: number[],
  candidates: number,
  matrixOf: (sites: number[]) => Uint8Array,
): { sites: number[]; width: number; mismatch: Uint8Array } {
  const full = matrixOf(all);
  const keep: number[] = [];
  for (let s = 0; s < all.length; s++)
    for (let c = 0; c < candidates; c++)
      if (full[c * all.length + s]) {
        keep.push(s);
        break;
      }
  if (keep.length === all.length) return { sites: all, width: all.length, mismatch: full };
  const width = keep.length;
  const mismatch = new Uint8Array(candidates * width);
  for (let c = 0; c < candidates; c++)
    for (let k = 0; k < width; k++) mismatch[c * width + k] = full[c * all.length + keep[k]!]!;
  return { sites: keep.map((s) => all[s]!), width, mismatch };
}

interface Path {
  /** Candidate index per site. */
  state: Int32Array;
  cost: number;
}

/** The cheapest copying path: mismatches plus `switchCost` per change of candidate. */
function viterbi(
  mismatch: Uint8Array,
  candidates: number,
  sites: number,
  switchCost: number,
): Path {
  const cost = new Float64Array(candidates);
  const switched = new Uint8Array(candidates * sites);
  const bestAt = new Int32Array(sites);
  for (let s = 0; s < sites; s++) {
    let best = 0;
    for (let c = 1; c < candidates; c++) if (cost[c]! < cost[best]!) best = c;
    bestAt[s] = best;
    const viaSwitch = cost[best]! + switchCost;
    for (let c = 0; c < candidates; c++) {
      const stay = cost[c]!;
      if (s > 0 && viaSwitch < stay) {
        cost[c] = viaSwitch;
        switched[c * sites + s] = 1;
      }
      cost[c] = cost[c]! + mismatch[c * sites + s]!;
    }
  }
  let last = 0;
  for (let c = 1; c < candidates; c++) if (cost[c]! < cost[last]!) last = c;
  const state = new Int32Array(sites);
  let c = last;
  for (let s = sites - 1; s >= 0; s--) {
    state[s] = c;
    if (switched[c * sites + s]) c = bestAt[s]!;
  }
  return { state, cost: cost[last]! };
}

/** Sites where the segment's parent matches the query and the other parent does not. */
function segmentSupport(pair: Uint8Array, sites: number, state: Int32Array): number[] {
  const out: number[] = [];
  let previous = -1;
  for (let s = 0; s < sites; s++) {
    const own = state[s]!;
    if (own !== previous) out.push(0);
    previous = own;
    if (!pair[own * sites + s] && pair[(1 - own) * sites + s]) out[out.length - 1]! += 1;
  }
  return out;
}

/**
 * Each switch of the two-parent path as the interval between the nearest sites where the
 * parents differ on either side (where exactly it lies between them nothing tells).
 */
function switchIntervals(
  pair: Uint8Array,
  width: number,
  state: Int32Array,
  sites: number[],
): Mosaic['breakpoints'] {
  const differ = (s: number): boolean => pair[s] !== pair[width + s];
  const out: Mosaic['breakpoints'] = [];
  for (let s = 1; s < width; s++) {
    if (state[s] === state[s - 1]) continue;
    let before = s;
    while (before < width - 1 && !differ(before)) before++;
    let after = s - 1;
    while (after > 0 && !differ(after)) after--;
    out.push({ after: sites[after]!, before: sites[before]! });
  }
  return out;
}

/**
 * The candidate the copying path spends most sites on, and the one it spends most on among
 * those of another clade (a switch within a clade is no recombinant), or null.
 */
function mainParents(state: Int32Array, cladeOf: (c: number) => string): [number, number] | null {
  const sitesOf = new Map<number, number>();
  for (const c of state) sitesOf.set(c, (sitesOf.get(c) ?? 0) + 1);
  const ranked = [...sitesOf].sort((x, y) => y[1] - x[1] || x[0] - y[0]).map(([c]) => c);
  const first = ranked[0];
  if (first === undefined) return null;
  const second = ranked.find((c) => cladeOf(c) !== cladeOf(first));
  return second === undefined ? null : [first, second];
}

/**
 * Tests the query of the index's last `place` call (its distances are read from the index).
 * The copying path over all candidates names the two parents; a second pass over just those
 * two gives the mosaic's switches and mismatches.
 * @param single the node it was placed on
 * @param exclude nodes not to take as parents (as excluded from the placement)
 * @returns the two-parent mosaic when it passes the rule, else null
 */
export function findMosaic(
  index: PlacementIndex,
  query: PlacementQuery,
  single: number,
  reference: string,
  rule: MosaicRule = DEFAULT_MOSAIC_RULE,
  exclude?: (node: number) => boolean,
): Mosaic | null {
  const distances = index.lastDistances();
  if (distances[single]! < rule.minGain + rule.switchCost) return null;
  const nodes = candidates(index, distances, rule.nearest, exclude);
  if (!nodes.includes(single)) nodes.push(single);
  const { sites, width, mismatch } = withoutAgreement(
    informativeSites(index, query, nodes),
    nodes.length,
    (all) => mismatchMatrix(index, query, nodes, all, reference),
  );
  const row = nodes.indexOf(single);
  let singleMismatches = 0;
  for (let s = 0; s < width; s++) singleMismatches += mismatch[row * width + s]!;
  const path = viterbi(mismatch, nodes.length, width, rule.switchCost);
  const parents = mainParents(path.state, (c) => index.tree.clade[nodes[c]!]!);
  if (!parents) return null;
  const [a, b] = parents;
  const pair = new Uint8Array(2 * width);
  pair.set(mismatch.subarray(a * width, (a + 1) * width), 0);
  pair.set(mismatch.subarray(b * width, (b + 1) * width), width);
  const { state, cost } = viterbi(pair, 2, width, rule.switchCost);
  const breakpoints = switchIntervals(pair, width, state, sites);
  if (breakpoints.length === 0 || singleMismatches - cost < rule.minGain) return null;
  if (segmentSupport(pair, width, state).some((n) => n < rule.minSupport)) return null;
  const first = state[0] === 0 ? a : b;
  return {
    parents: [nodes[first]!, nodes[first === a ? b : a]!],
    breakpoints,
    singleMismatches,
    mosaicMismatches: cost - breakpoints.length * rule.switchCost,
  };
}
