/**
 * Places a query on the nearest node of a reference tree, as Nextclade does: the node
 * minimising D = M_node + M_query - 2*M_agree - M_disagree over the positions the query
 * covers (N, ambiguous bases and unaligned ends are not mismatches). An inverted index over
 * the node states (position -> nodes with a mutation there) makes a query cost its own
 * mutations' postings plus one pass over the nodes, not a scan of every node's state.
 */
import type { NucRange, SequenceCalls } from '../../shared/analysis-types';
import {
  isCovered,
  queryMutations,
  uncoveredRanges,
  type QueryMutation,
} from '../analysis/qc/coverage';
import type { ReferenceTree } from './reference-tree';

/** A query against the reference: its differences and what it does not cover. */
export interface PlacementQuery {
  /** 1-based positions of non-reference bases (increasing) and the base there ('-' deletion). */
  positions: readonly number[];
  alts: readonly number[];
  /** Positions not covered, 1-based inclusive ranges, increasing and not overlapping. */
  uncovered: readonly { start: number; end: number }[];
}

export type PrivateKind = 'substitution' | 'deletion' | 'reversion';

export interface PrivateMutation {
  position: number;
  /** The placement node's base and the query's. */
  from: string;
  to: string;
  kind: PrivateKind;
  /** The clade whose defining branch carries this mutation, when one does. */
  labeledClade: string | null;
}

const GAP = '-'.charCodeAt(0);

export interface Placement {
  node: number;
  nodeName: string;
  clade: string;
  distance: number;
  privateMutations: PrivateMutation[];
  /** Nodes at the best distance (1 = unambiguous). */
  nodesAtBest: number;
  /** Share of each clade among the nodes at the best distance, largest first. */
  cladeShares: { clade: string; share: number }[];
}

/**
 * A placement query from the calls as QC reads them (`uncoveredRanges`, `queryMutations`:
 * N runs, ambiguity codes and the unaligned ends uncovered; the mutations at covered
 * positions), the 3' range ending at the reference's end.
 */
export function placementQuery(
  mutations: readonly QueryMutation[],
  uncovered: readonly NucRange[],
  referenceLength: number,
): PlacementQuery {
  return {
    positions: mutations.map((m) => m.position),
    alts: mutations.map((m) => m.altCode),
    uncovered: uncovered
      .filter((r) => r.start <= referenceLength)
      .map((r) => ({ start: r.start, end: Math.min(r.end, referenceLength) })),
  };
}

/** The placement query of a sequence's alignment calls. */
export function queryFromCalls(calls: SequenceCalls, referenceLength: number): PlacementQuery {
  const uncovered = uncoveredRanges(calls);
  return placementQuery(queryMutations(calls, uncovered), uncovered, referenceLength);
}

/**
 * The placement index of one tree: each node's branch as the positions where its state
 * differs from its parent's. A node's distance to the query is its parent's plus what its
 * branch changes at covered positions, so one pass over the branches (30,610 mutations on
 * the SARS-CoV-2 tree) scores every node. `place` reuses its buffers: one caller at a time.
 */
export class PlacementIndex {
  /** Node i's branch: entries branchStart[i] .. branchStart[i+1]-1 (the root's from the reference). */
  private readonly branchStart: Uint32Array;
  private readonly branchPos: Uint32Array;
  private readonly branchFrom: Uint8Array;
  private readonly branchTo: Uint8Array;
  private readonly referenceCodes: Uint8Array;
  private readonly scores: Int32Array;
  /** The query's base per position (0: the reference's) and its uncovered positions. */
  private readonly queryBase: Uint8Array;
  private readonly uncoveredMask: Uint8Array;
  /** `position:alt` of branch mutations that start a labeled clade -> that clade. */
  private readonly labeled = new Map<string, string>();

  constructor(
    readonly tree: ReferenceTree,
    private readonly reference: string,
  ) {
    const length = tree.referenceLength;
    this.referenceCodes = new Uint8Array(length + 1);
    for (let p = 1; p <= length; p++) this.referenceCodes[p] = reference.charCodeAt(p - 1);
    const branches = this.branches();
    this.branchStart = branches.start;
    this.branchPos = branches.pos;
    this.branchFrom = branches.from;
    this.branchTo = branches.to;
    this.scores = new Int32Array(tree.size);
    this.queryBase = new Uint8Array(length + 1);
    this.uncoveredMask = new Uint8Array(length + 2);
    this.indexLabels();
  }

  /** Each node's state against its parent's (a merge of the two sorted states). */
  private branches() {
    const { size, parent, stateStart, statePos, stateAlt } = this.tree;
    const start = new Uint32Array(size + 1);
    const pos: number[] = [];
    const from: number[] = [];
    const to: number[] = [];
    const ref = this.referenceCodes;
    for (let node = 0; node < size; node++) {
      start[node] = pos.length;
      let a = parent[node]! < 0 ? 0 : stateStart[parent[node]!]!;
      const aEnd = parent[node]! < 0 ? 0 : stateStart[parent[node]! + 1]!;
      let b = stateStart[node]!;
      const bEnd = stateStart[node + 1]!;
      while (a < aEnd || b < bEnd) {
        const pa = a < aEnd ? statePos[a]! : Infinity;
        const pb = b < bEnd ? statePos[b]! : Infinity;
        const p = Math.min(pa, pb);
        const parentBase = pa === p ? stateAlt[a++]! : ref[p]!;
        const nodeBase = pb === p ? stateAlt[b++]! : ref[p]!;
        if (parentBase === nodeBase) continue;
        pos.push(p);
        from.push(parentBase);
        to.push(nodeBase);
      }
    }
    start[size] = pos.length;
    return {
      start,
      pos: Uint32Array.from(pos),
      from: Uint8Array.from(from),
      to: Uint8Array.from(to),
    };
  }

  private indexLabels(): void {
    for (const node of this.tree.auspice.nodes) {
      const clade = node.labels.clade;
      if (!clade) continue;
      for (const text of node.mutations.nuc ?? []) {
        const match = /^[A-Z*-](\d+)([A-Z*-])$/.exec(text);
        if (match) this.labeled.set(`${match[1]}:${match[2]}`, clade);
      }
    }
  }

  /**
   * Every node's distance to the query of the last `place` call (indexed by node; valid
   * until the next call).
   */
  lastDistances(): Int32Array {
    return this.scores;
  }

  /** Marks the query in the buffers (`on`) or clears them again. */
  private mark(query: PlacementQuery, on: boolean): void {
    const length = this.tree.referenceLength;
    for (const { start, end } of query.uncovered)
      this.uncoveredMask.fill(on ? 1 : 0, Math.max(1, start), Math.min(end, length) + 1);
    query.positions.forEach((position, q) => {
      if (position >= 1 && position <= length) this.queryBase[position] = on ? query.alts[q]! : 0;
    });
  }

  /** Fills `scores` with every node's distance to the query. */
  private score(query: PlacementQuery): void {
    const { scores, queryBase, uncoveredMask, referenceCodes, branchStart } = this;
    const { branchPos, branchFrom, branchTo } = this;
    const { size, parent } = this.tree;
    this.mark(query, true);
    try {
      let toReference = 0;
      for (const position of query.positions)
        if (position >= 1 && position <= this.tree.referenceLength && !uncoveredMask[position])
          toReference++;
      for (let node = 0; node < size; node++) {
        let d = parent[node]! < 0 ? toReference : scores[parent[node]!]!;
        for (let i = branchStart[node]!; i < branchStart[node + 1]!; i++) {
          const p = branchPos[i]!;
          if (uncoveredMask[p]) continue;
          const base = queryBase[p] || referenceCodes[p]!;
          d += (base !== branchTo[i] ? 1 : 0) - (base !== branchFrom[i] ? 1 : 0);
        }
        scores[node] = d;
      }
    } finally {
      this.mark(query, false);
    }
  }

  /** True when node a is preferred over b at the same distance: higher prior, then shallower. */
  private prefer(a: number, b: number): boolean {
    const { prior, depth } = this.tree;
    const pa = Number.isNaN(prior[a]!) ? -Infinity : prior[a]!;
    const pb = Number.isNaN(prior[b]!) ? -Infinity : prior[b]!;
    if (pa !== pb) return pa > pb;
    return depth[a]! < depth[b]!;
  }

  /**
   * @param exclude nodes not to place on (leave-one-out evaluation: a tip and its own
   *   lineage's nodes stand for a lineage the tree has never seen)
   */
  place(query: PlacementQuery, exclude?: (node: number) => boolean): Placement {
    this.score(query);
    const { scores, tree } = this;
    let best = -1;
    for (let node = 0; node < tree.size; node++) {
      if (exclude?.(node)) continue;
      const d = scores[node]!;
      if (best < 0 || d < scores[best]! || (d === scores[best]! && this.prefer(node, best)))
        best = node;
    }
    if (best < 0) throw new RangeError('every node of the tree is excluded');
    const bestScore = scores[best]!;
    const clades = new Map<string, number>();
    let nodesAtBest = 0;
    for (let node = 0; node < tree.size; node++)
      if (scores[node] === bestScore && !exclude?.(node)) {
        nodesAtBest++;
        clades.set(tree.clade[node]!, (clades.get(tree.clade[node]!) ?? 0) + 1);
      }
    const cladeShares = [...clades]
      .map(([clade, n]) => ({ clade, share: n / nodesAtBest }))
      .sort((a, b) => b.share - a.share || a.clade.localeCompare(b.clade));
    return {
      node: best,
      nodeName: tree.names[best]!,
      clade: tree.clade[best]!,
      distance: bestScore,
      privateMutations: this.privateMutations(query, best),
      nodesAtBest,
      cladeShares,
    };
  }

  /** The query's differences from the node over covered positions, reversions included. */
  privateMutations(query: PlacementQuery, node: number): PrivateMutation[] {
    const { stateStart, statePos, stateAlt } = this.tree;
    const out: PrivateMutation[] = [];
    const letter = (code: number): string => String.fromCharCode(code);
    const add = (position: number, from: number, to: number, kind: PrivateKind): void => {
      const labeledClade =
        kind === 'reversion' ? null : (this.labeled.get(`${position}:${letter(to)}`) ?? null);
      out.push({ position, from: letter(from), to: letter(to), kind, labeledClade });
    };
    let n = stateStart[node]!;
    const end = stateStart[node + 1]!;
    let q = 0;
    while (q < query.positions.length || n < end) {
      const qp = q < query.positions.length ? query.positions[q]! : Infinity;
      const np = n < end ? statePos[n]! : Infinity;
      const position = Math.min(qp, np);
      const covered = isCovered(position, query.uncovered);
      const refBase = this.reference.charCodeAt(position - 1);
      if (qp === np) {
        const to = query.alts[q]!;
        if (covered && to !== stateAlt[n])
          add(position, stateAlt[n]!, to, to === GAP ? 'deletion' : 'substitution');
        q++;
        n++;
      } else if (qp < np) {
        const to = query.alts[q]!;
        if (covered) add(position, refBase, to, to === GAP ? 'deletion' : 'substitution');
        q++;
      } else {
        if (covered) add(position, stateAlt[n]!, refBase, 'reversion');
        n++;
      }
    }
    return out;
  }
}
