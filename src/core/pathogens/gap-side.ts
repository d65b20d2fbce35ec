/**
 * Reads the pathogen's indel convention from its labeled mutations: when a deletion could
 * slide (repeat context), did the labels put it at the 5'-most or the 3'-most placement?
 * Trees differ (the SARS-CoV-2 tree left-aligns, the RSV-A tree right-aligns), and calls
 * must match the labels the models were trained on.
 */
import type { LabeledTip } from './labeled-mutations';
import type { GapSide } from './types';

/** @returns the side most slidable deletions sit on, `left` when the labels do not tell */
export function inferGapSide(reference: string, tips: readonly LabeledTip[]): GapSide {
  let leftmost = 0;
  let rightmost = 0;
  for (const { substitutions, deletions } of tips) {
    const base = (position: number): string | undefined =>
      substitutions.get(position) ?? reference[position - 1];
    for (const { start, length } of deletions) {
      const end = start + length - 1;
      // The run can slide left if the base before it equals its last base, right if the
      // base after it equals its first base.
      const canSlideLeft = start > 1 && base(start - 1) === base(end);
      const canSlideRight = end < reference.length && base(end + 1) === base(start);
      if (canSlideRight && !canSlideLeft) leftmost += 1;
      if (canSlideLeft && !canSlideRight) rightmost += 1;
    }
  }
  return rightmost > leftmost ? 'right' : 'left';
}
