/**
 * Placement of aligned sequences on a pathogen's reference tree, as classification reports
 * it: the tree read and indexed once (per worker), then one `TreePlacement` per alignment.
 */
import { readFileSync } from 'node:fs';
import type { SequenceCalls } from '../../shared/analysis-types';
import type { TreePlacement } from '../../shared/classify-types';
import { InvalidInputError } from '../errors';
import type { Gene } from '../pathogens/types';
import { aaPrivateMutations, type AaPrivate } from './aa-private';
import { findMosaic, type Mosaic } from './mosaic';
import { PlacementIndex, queryFromCalls, type Placement } from './placement';
import { buildReferenceTree, type ReferenceTree } from './reference-tree';

/** Clades besides the placed one reported among the nodes at the best distance. */
const OTHER_CLADES = 3;
/** The clade a tree gives recombinant lineages (Nextstrain's name), used where a tree has it. */
export const RECOMBINANT_CLADE = 'recombinant';

function mosaicReport(
  tree: ReferenceTree,
  mosaic: Mosaic,
): NonNullable<TreePlacement['recombinant']> {
  const parent = (node: number) => ({ node: tree.names[node]!, clade: tree.clade[node]! });
  return {
    parents: [parent(mosaic.parents[0]), parent(mosaic.parents[1])],
    breakpoints: mosaic.breakpoints,
    singleMismatches: mosaic.singleMismatches,
    mosaicMismatches: mosaic.mosaicMismatches,
  };
}

/**
 * The report of one placement: private mutations grouped as Nextclade groups them, and the
 * mosaic when there is one (the call becomes `recombinant` where the tree has that clade).
 */
export function treePlacement(
  tree: ReferenceTree,
  placement: Placement,
  mosaic: Mosaic | null,
  hasRecombinantClade: boolean,
  aminoAcids: AaPrivate = { substitutions: [], reversions: [] },
): TreePlacement {
  const privateMutations: TreePlacement['privateMutations'] = {
    reversions: [],
    labeled: [],
    unlabeled: [],
    deletions: [],
    aaSubstitutions: aminoAcids.substitutions,
    aaReversions: aminoAcids.reversions,
  };
  for (const m of placement.privateMutations) {
    const text = `${m.from}${m.position}${m.to}`;
    if (m.kind === 'reversion') privateMutations.reversions.push(text);
    else if (m.kind === 'deletion') privateMutations.deletions.push(text);
    else if (m.labeledClade !== null)
      privateMutations.labeled.push({ mutation: text, clade: m.labeledClade });
    else privateMutations.unlabeled.push(text);
  }
  const own = placement.cladeShares.find((c) => c.clade === placement.clade);
  const recombinantCall = mosaic !== null && hasRecombinantClade;
  return {
    node: placement.nodeName,
    clade: recombinantCall ? RECOMBINANT_CLADE : placement.clade,
    nodeClade: placement.clade,
    distance: placement.distance,
    nodesAtBest: placement.nodesAtBest,
    cladeShare: own?.share ?? 0,
    otherClades: placement.cladeShares
      .filter((c) => c.clade !== placement.clade)
      .slice(0, OTHER_CLADES),
    privateMutations,
    recombinant: mosaic ? mosaicReport(tree, mosaic) : null,
  };
}

export type TreePlacer = (calls: SequenceCalls) => TreePlacement;

/**
 * Reads and indexes the tree at `path` against `reference`.
 * @throws InvalidInputError naming the tree file when it cannot be read or does not fit
 */
export function createTreePlacer(
  path: string,
  reference: string,
  genes: readonly Gene[] = [],
): TreePlacer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`${path}: cannot read the tree (${(error as Error).message})`);
  }
  const tree = buildReferenceTree(text, reference, path);
  const index = new PlacementIndex(tree, reference);
  const hasRecombinantClade = tree.clade.includes(RECOMBINANT_CLADE);
  return (calls) => {
    const query = queryFromCalls(calls, reference.length);
    const placement = index.place(query);
    // A sequence placed on a recombinant lineage is one already.
    const mosaic =
      hasRecombinantClade && placement.clade === RECOMBINANT_CLADE
        ? null
        : findMosaic(index, query, placement.node, reference);
    const aminoAcids = aaPrivateMutations(tree, placement.node, calls, query, genes);
    return treePlacement(tree, placement, mosaic, hasRecombinantClade, aminoAcids);
  };
}
