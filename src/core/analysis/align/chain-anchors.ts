/**
 * Chains anchors into one colinear path: both coordinates move forward, and a change of
 * diagonal (an indel) costs a little, so a stray seed far off the path never pays for itself.
 */
import type { Anchors } from './seed-anchors';

/** How many earlier anchors each anchor considers as predecessor. */
const LOOKBACK = 64;

function diagonalChangeCost(change: number): number {
  return change === 0 ? 0 : 10 + 0.02 * change;
}

export interface Chain {
  /** Indices into the anchors, in query (and reference) order. */
  members: number[];
  /** Query bases covered by the chained anchors. */
  anchoredBases: number;
}

export function chainAnchors(anchors: Anchors): Chain {
  const { queryStart, refStart, length } = anchors;
  const count = length.length;
  const score = new Float64Array(count);
  const previous = new Int32Array(count).fill(-1);
  let best = -1;
  for (let i = 0; i < count; i += 1) {
    const rStart = refStart[i]!;
    const rEnd = rStart + length[i]!;
    const diagonal = queryStart[i]! - rStart;
    score[i] = length[i]!;
    for (let j = i - 1; j >= 0 && j >= i - LOOKBACK; j -= 1) {
      const jStart = refStart[j]!;
      const jEnd = jStart + length[j]!;
      if (jStart >= rStart || jEnd >= rEnd) continue;
      const overlap = Math.max(0, jEnd - rStart);
      const change = Math.abs(diagonal - (queryStart[j]! - jStart));
      const candidate = score[j]! + length[i]! - overlap - diagonalChangeCost(change);
      if (candidate > score[i]!) {
        score[i] = candidate;
        previous[i] = j;
      }
    }
    if (best < 0 || score[i]! > score[best]!) best = i;
  }
  const members: number[] = [];
  for (let i = best; i >= 0; i = previous[i]!) members.push(i);
  members.reverse();
  let anchoredBases = 0;
  for (const i of members) anchoredBases += length[i]!;
  return { members, anchoredBases };
}
