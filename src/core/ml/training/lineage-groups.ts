/**
 * Cross-validation groups: which genomes must be held out together so that a fold's score
 * predicts accuracy on lineages the model has never seen.
 */
import { mismatchCount, type AlleleWidth } from '../exemplar';

/**
 * The parent of a Pango lineage (`BA.5.2.1` -> `BA.5.2`; a name without a dot is its own
 * group). Where every tip is its own lineage, grouping by parent holds out a lineage
 * together with its siblings, which share its defining mutations: the model must place it
 * from cousins, as it will a newly designated lineage.
 */
export function pangoParentGroup(pango: string): string {
  const dot = pango.lastIndexOf('.');
  return dot < 0 ? pango : pango.slice(0, dot);
}

/**
 * The subtree of a Pango lineage at `depth` name levels (`BA.5.2.1` -> `BA.5.2` at depth 3;
 * shorter names are their own subtree). Holding out such a group removes a lineage together
 * with all its descendants under the same name, and with its close relatives: the score is
 * that of a lineage whose subtree the model has never seen. (Aliases such as BF = BA.5.2.1
 * start new names, so a subtree stops at an alias.)
 */
export function pangoSubtreeGroup(pango: string, depth = 3): string {
  return pango.split('.').slice(0, depth).join('.');
}

/**
 * Groups of near-identical genomes within each label, for data without a lineage per tip
 * (many tips per clade): greedy, in row order, each ungrouped genome opens a group that takes
 * every ungrouped genome of its label within `radius` N-aware mismatches. Near-duplicates
 * then never sit on both sides of a split, which would reward memorizing them.
 * @param codes allele codes, rows x positions (see exemplar/allele-codes.ts)
 */
export function nearIdenticalGroups(
  codes: Uint8Array,
  positions: number,
  labels: ArrayLike<number>,
  radius: number,
  width: AlleleWidth = 4,
): string[] {
  const rows = labels.length;
  const group = new Array<string>(rows).fill('');
  for (let row = 0; row < rows; row++) {
    if (group[row] !== '') continue;
    const name = `near-${row}`;
    group[row] = name;
    for (let other = row + 1; other < rows; other++)
      if (
        group[other] === '' &&
        labels[other] === labels[row] &&
        mismatchCount(codes, positions, row, other, width) <= radius
      )
        group[other] = name;
  }
  return group;
}
