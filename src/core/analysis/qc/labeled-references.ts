/**
 * Labeled references (tips of a Nextclade reference tree) and the nearest one to a sequence,
 * or, where the pathogen has its tree, the nearest node of the tree.
 * Tips' mutations are indexed by position (CSR layout: the entries of position p are
 * `entryTip/entryAlt[offsets[p] .. offsets[p + 1])`), so a query costs
 * O(tips + index entries at the query's mutated and uncovered positions), never O(tips × genome).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NearestReference, SequenceCalls } from '../../../shared/analysis-types';
import { parseLabeledRows } from '../../pathogens/labeled-mutations';
import { queryMutations, uncoveredRanges } from './coverage';
import { nodeAttribute } from '../../tree/auspice';
import { placementQuery, type PlacementIndex } from '../../tree/placement';
import {
  classifyPrivateMutations,
  privateMutationsAgainst,
  type PrivateMutations,
} from './private-mutations';

export interface LabeledTip {
  name: string;
  clade: string;
  pango: string;
}

export interface LabeledReferences {
  tips: LabeledTip[];
  /** Highest mutated position of any tip; the index covers 1..maxPosition. */
  maxPosition: number;
  offsets: Int32Array;
  entryTip: Int32Array;
  /** Char code of the tip's base ('-' for a deletion). */
  entryAlt: Uint8Array;
  /** Char code of the reference base at each position some tip mutates (0 elsewhere). */
  refNucAt: Uint8Array;
  /** Each tip's own mutations: `tipPositions/tipAlts[tipOffsets[t] .. tipOffsets[t + 1])`. */
  tipOffsets: Int32Array;
  tipPositions: Int32Array;
  tipAlts: Uint8Array;
  /** Per-query work buffer (one query at a time per instance). */
  scratch: Int32Array;
}

export interface NearestReferenceMatch {
  nearest: NearestReference;
  privateMutations: PrivateMutations;
}

/** Parses `labeled.tsv` (name, clade, pango, n_mutations, mutations as `REF<pos>ALT`). */
export function parseLabeledReferences(tsv: string, source = 'labeled.tsv'): LabeledReferences {
  const tips: LabeledTip[] = [];
  const tipOffsetList = [0];
  const positions: number[] = [];
  const alts: number[] = [];
  const refs = new Map<number, number>();
  for (const row of parseLabeledRows(tsv, source)) {
    for (const { refNuc, position, alt } of row.mutations) {
      positions.push(position);
      alts.push(alt.charCodeAt(0));
      refs.set(position, refNuc.charCodeAt(0));
    }
    tips.push({ name: row.name, clade: row.clade, pango: row.pango });
    tipOffsetList.push(positions.length);
  }
  return buildIndex(tips, Int32Array.from(tipOffsetList), Int32Array.from(positions), alts, refs);
}

function buildIndex(
  tips: LabeledTip[],
  tipOffsets: Int32Array,
  tipPositions: Int32Array,
  alts: number[],
  refs: Map<number, number>,
): LabeledReferences {
  const maxPosition = tipPositions.reduce((max, position) => Math.max(max, position), 0);
  const offsets = new Int32Array(maxPosition + 2);
  for (const position of tipPositions) offsets[position + 1]! += 1;
  for (let p = 1; p < offsets.length; p += 1) offsets[p]! += offsets[p - 1]!;
  const fill = offsets.slice(0, maxPosition + 1);
  const entryTip = new Int32Array(tipPositions.length);
  const entryAlt = new Uint8Array(tipPositions.length);
  for (let tip = 0; tip < tips.length; tip += 1) {
    for (let i = tipOffsets[tip]!; i < tipOffsets[tip + 1]!; i += 1) {
      const slot = fill[tipPositions[i]!]!++;
      entryTip[slot] = tip;
      entryAlt[slot] = alts[i]!;
    }
  }
  const refNucAt = new Uint8Array(maxPosition + 1);
  for (const [position, code] of refs) refNucAt[position] = code;
  return {
    tips,
    maxPosition,
    offsets,
    entryTip,
    entryAlt,
    refNucAt,
    tipOffsets,
    tipPositions,
    tipAlts: Uint8Array.from(alts),
    scratch: new Int32Array(tips.length),
  };
}

/** Reads `<pathogenDir>/labeled.tsv`. */
export async function loadLabeledReferences(pathogenDir: string): Promise<LabeledReferences> {
  const file = join(pathogenDir, 'labeled.tsv');
  return parseLabeledReferences(await readFile(file, 'utf8'), file);
}

/**
 * The labeled reference with the fewest differing positions over the positions the sequence
 * covers (a substitution or deleted base counts 1 per position). Ties go to the tip with fewer
 * mutations overall (the more ancestral lineage), then to the first in the file.
 * Null when there are no labeled references.
 */
export function findNearestReference(
  references: LabeledReferences,
  calls: SequenceCalls,
): NearestReferenceMatch | null {
  const {
    tips,
    offsets,
    entryTip,
    entryAlt,
    tipOffsets,
    maxPosition,
    scratch: counts,
  } = references;
  if (tips.length === 0) return null;
  const uncovered = uncoveredRanges(calls);
  const mutations = queryMutations(calls, uncovered);

  // counts[t] ends as |tip mutations at covered positions| - 2·same - differing at query sites,
  // so that distance = |query mutations| + counts[t].
  for (let tip = 0; tip < tips.length; tip += 1) {
    counts[tip] = tipOffsets[tip + 1]! - tipOffsets[tip]!;
  }
  for (const range of uncovered) {
    if (range.start > maxPosition) break;
    const end = offsets[Math.min(range.end, maxPosition) + 1]!;
    for (let e = offsets[range.start]!; e < end; e += 1) counts[entryTip[e]!]! -= 1;
  }
  for (const { position, altCode } of mutations) {
    if (position > maxPosition) continue;
    for (let e = offsets[position]!; e < offsets[position + 1]!; e += 1) {
      counts[entryTip[e]!]! -= entryAlt[e] === altCode ? 2 : 1;
    }
  }

  let best = 0;
  for (let tip = 1; tip < tips.length; tip += 1) {
    const delta = counts[tip]! - counts[best]!;
    const size = tipOffsets[tip + 1]! - tipOffsets[tip]!;
    if (delta < 0 || (delta === 0 && size < tipOffsets[best + 1]! - tipOffsets[best]!)) best = tip;
  }
  const { name, clade, pango } = tips[best]!;
  return {
    nearest: { name, clade, pango, distance: mutations.length + counts[best]! },
    privateMutations: classifyPrivateMutations(references, best, mutations, uncovered),
  };
}

/**
 * The nearest node of the reference tree (tips and internal nodes, as Nextclade places) and
 * the private mutations against it; labeled ones are those some labeled reference carries.
 * @param index the pathogen's placement index (one query at a time)
 */
export function findNearestNode(
  references: LabeledReferences,
  index: PlacementIndex,
  calls: SequenceCalls,
  reference: string,
): NearestReferenceMatch {
  const uncovered = uncoveredRanges(calls);
  const mutations = queryMutations(calls, uncovered);
  const placement = index.place(placementQuery(mutations, uncovered, reference.length));
  const { tree } = index;
  const state = new Map<number, number>();
  for (let i = tree.stateStart[placement.node]!; i < tree.stateStart[placement.node + 1]!; i++)
    state.set(tree.statePos[i]!, tree.stateAlt[i]!);
  const node = tree.auspice.nodes[placement.node]!;
  return {
    nearest: {
      name: placement.nodeName,
      clade: placement.clade,
      pango: nodeAttribute(node, 'Nextclade_pango') ?? '',
      distance: placement.distance,
    },
    privateMutations: privateMutationsAgainst(references, state, mutations, uncovered, (p) =>
      reference.charCodeAt(p - 1),
    ),
  };
}
