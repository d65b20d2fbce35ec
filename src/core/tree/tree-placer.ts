/**
 * Placement of aligned sequences on a pathogen's reference tree, as classification reports
 * it: the tree read and indexed once (per worker), then one `TreePlacement` per alignment.
 */
import { readFileSync } from 'node:fs';
import type { SequenceCalls } from '../../shared/analysis-types';
import type { TreePlacement } from '../../shared/classify-types';
import { InvalidInputError } from '../errors';
import { PlacementIndex, queryFromCalls, type Placement } from './placement';
import { buildReferenceTree } from './reference-tree';

/** Clades besides the placed one reported among the nodes at the best distance. */
const OTHER_CLADES = 3;

/** The report of one placement: private mutations grouped as Nextclade groups them. */
export function treePlacement(placement: Placement): TreePlacement {
  const privateMutations: TreePlacement['privateMutations'] = {
    reversions: [],
    labeled: [],
    unlabeled: [],
    deletions: [],
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
  return {
    node: placement.nodeName,
    clade: placement.clade,
    distance: placement.distance,
    nodesAtBest: placement.nodesAtBest,
    cladeShare: own?.share ?? 0,
    otherClades: placement.cladeShares
      .filter((c) => c.clade !== placement.clade)
      .slice(0, OTHER_CLADES),
    privateMutations,
  };
}

export type TreePlacer = (calls: SequenceCalls) => TreePlacement;

/**
 * Reads and indexes the tree at `path` against `reference`.
 * @throws InvalidInputError naming the tree file when it cannot be read or does not fit
 */
export function createTreePlacer(path: string, reference: string): TreePlacer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InvalidInputError(`${path}: cannot read the tree (${(error as Error).message})`);
  }
  const index = new PlacementIndex(buildReferenceTree(text, reference, path), reference);
  return (calls) => treePlacement(index.place(queryFromCalls(calls, reference.length)));
}
