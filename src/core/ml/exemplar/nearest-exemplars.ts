/**
 * The nearest-exemplar classifier in TypeScript: the reference the ONNX graph is tested
 * against, computed the same way (integer counts, float32 distances and weights).
 */
import type { Matrix } from '../../cluster/matrix';
import { InvalidInputError } from '../../errors';
import { codesFromOneHot, isKnown } from './allele-codes';
import {
  assertExemplarSet,
  resolveVoteOptions,
  type ExemplarSet,
  type ExemplarVoteOptions,
} from './exemplar-set';

export interface ExemplarPrediction {
  /** rows x nClasses */
  probabilities: Float32Array;
  /** rows x k exemplar indices, nearest first (ties: lower index first). */
  nearestIndex: Int32Array;
  /** rows x k distances matching `nearestIndex`. */
  nearestDistance: Float32Array;
}

/**
 * N-aware distance from one query (codes) to every exemplar: mismatches among positions known
 * in both (each counted with its site weight), optionally divided by how many there are (at
 * least 1, weighted alike).
 */
export function exemplarDistances(
  set: ExemplarSet,
  query: Uint8Array,
  normalize: boolean,
  out = new Float32Array(set.labels.length),
): Float32Array {
  const { positions, codes, width, siteWeights } = set;
  for (let e = 0; e < set.labels.length; e++) {
    let known = 0;
    let mismatches = 0;
    const row = e * positions;
    for (let p = 0; p < positions; p++) {
      const a = query[p]!;
      const b = codes[row + p]!;
      if (!isKnown(a, width) || !isKnown(b, width)) continue;
      const weight = siteWeights ? siteWeights[p]! : 1;
      known += weight;
      if (a !== b) mismatches += weight;
    }
    out[e] = normalize ? Math.fround(mismatches / Math.max(known, 1)) : mismatches;
  }
  return out;
}

/** Class probabilities and nearest exemplars for each row of a one-hot query matrix. */
export function predictNearestExemplars(
  set: ExemplarSet,
  queries: Matrix,
  options: ExemplarVoteOptions = {},
): ExemplarPrediction {
  assertExemplarSet(set);
  const { k, weighting, tau, normalize } = resolveVoteOptions(set, options);
  if (queries.cols !== set.positions * set.width)
    throw new InvalidInputError(
      `queries have ${queries.cols} columns, expected ${set.positions} positions x ${set.width}`,
    );
  const codes = codesFromOneHot(queries, set.width);
  const m = set.labels.length;
  const C = set.nClasses;
  const probabilities = new Float32Array(queries.rows * C);
  const nearestIndex = new Int32Array(queries.rows * k);
  const nearestDistance = new Float32Array(queries.rows * k);
  const distances = new Float32Array(m);
  const order = Int32Array.from({ length: m }, (_, e) => e);
  for (let r = 0; r < queries.rows; r++) {
    exemplarDistances(
      set,
      codes.subarray(r * set.positions, (r + 1) * set.positions),
      normalize,
      distances,
    );
    for (let e = 0; e < m; e++) order[e] = e;
    order.sort((a, b) => distances[a]! - distances[b]! || a - b);
    const votes = new Float64Array(C);
    let total = 0;
    const nearest = distances[order[0]!]!;
    for (let j = 0; j < k; j++) {
      const e = order[j]!;
      const d = distances[e]!;
      nearestIndex[r * k + j] = e;
      nearestDistance[r * k + j] = d;
      const w =
        weighting === 'exp'
          ? Math.fround(Math.exp(Math.fround(Math.fround(d - nearest) * Math.fround(-1 / tau))))
          : Math.fround(1 / Math.fround(d + 1));
      votes[set.labels[e]!]! += w;
      total += w;
    }
    for (let c = 0; c < C; c++) probabilities[r * C + c] = votes[c]! / total;
  }
  return { probabilities, nearestIndex, nearestDistance };
}
