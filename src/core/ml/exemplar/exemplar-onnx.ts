/**
 * The nearest-exemplar classifier as an ONNX graph. Input `alleles` float [batch, positions x
 * width] one-hot (see allele-codes.ts). Exemplars are stored as uint8 initializers and the
 * counts are integer matrix products (MatMulInteger), so a 2,000 x 15,000 one-hot set stays
 * 30 MB rather than 120 MB of floats:
 *   matches    = q[:, used] . E[used]^T          (same known allele)
 *   knownBoth  = Kq . w - Kq[:, gaps] . U^T      (K = per-position "known" indicator)
 *   distance   = knownBoth - matches   (optionally / max(knownBoth, 1))
 * Only the one-hot columns of alleles some exemplar carries can match (`used`: about half of
 * them on SARS-CoV-2, where a site has the reference and one other allele), and an exemplar
 * is known at every position but a few (U holds the weights of the positions where it is
 * not), so both products stay small: 17 M rather than 40 M multiply-adds per genome for
 * 2,974 exemplars over 2,705 positions, with the same counts.
 * Then TopK (k smallest, lower index first on ties) and a weighted vote through the one-hot
 * label matrix. Outputs: `probabilities` float [batch, C], `label` int64 [batch],
 * `nearest_index` int64 [batch, k], `nearest_distance` float [batch, k].
 */
import { attr, GraphBuilder, type Opset } from '../../onnx/graph-builder';
import { isKnown } from './allele-codes';
import {
  assertExemplarSet,
  resolveVoteOptions,
  type ExemplarSet,
  type ExemplarVoteOptions,
  type ResolvedVoteOptions,
} from './exemplar-set';

export const EXEMPLAR_OPSETS: Opset[] = [{ domain: '', version: 17 }];

const UINT8 = 2; // TensorProto.DataType
const FLOAT = 1;

interface ExemplarMatrices {
  /** One-hot columns (into positions x width) that some exemplar carries, ascending. */
  usedColumns: number[];
  /** E[used]^T, [used, m], each 1 scaled by its position's site weight. */
  oneHotT: Uint8Array;
  /** Positions where some exemplar is unknown, ascending. */
  unknownPositions: number[];
  /** U^T, [unknown positions, m]: the site weight where the exemplar is unknown, else 0. */
  unknownT: Uint8Array;
  /** Site weight per position, [positions, 1]. */
  weights: Float32Array;
}

function exemplarMatrices(set: ExemplarSet): ExemplarMatrices {
  const { positions, width, codes, siteWeights } = set;
  const m = set.labels.length;
  const carried = new Uint8Array(positions * width);
  const unknownSomewhere = new Uint8Array(positions);
  for (let e = 0; e < m; e++)
    for (let p = 0; p < positions; p++) {
      const code = codes[e * positions + p]!;
      if (isKnown(code, width)) carried[p * width + code - 1] = 1;
      else unknownSomewhere[p] = 1;
    }
  const indicesOf = (flags: Uint8Array): number[] => {
    const out: number[] = [];
    flags.forEach((flag, i) => flag && out.push(i));
    return out;
  };
  // A set with no known allele still gets one (all-zero) column: MatMulInteger needs one.
  const usedColumns = indicesOf(carried);
  if (usedColumns.length === 0) usedColumns.push(0);
  const unknownPositions = indicesOf(unknownSomewhere);
  const columnOf = new Int32Array(positions * width);
  usedColumns.forEach((column, i) => (columnOf[column] = i));
  const rowOf = new Int32Array(positions);
  unknownPositions.forEach((p, i) => (rowOf[p] = i));
  const oneHotT = new Uint8Array(usedColumns.length * m);
  const unknownT = new Uint8Array(unknownPositions.length * m);
  const weight = (p: number): number => (siteWeights ? siteWeights[p]! : 1);
  for (let e = 0; e < m; e++)
    for (let p = 0; p < positions; p++) {
      const code = codes[e * positions + p]!;
      if (isKnown(code, width)) oneHotT[columnOf[p * width + code - 1]! * m + e] = weight(p);
      else unknownT[rowOf[p]! * m + e] = weight(p);
    }
  const weights = Float32Array.from({ length: positions }, (_, p) => weight(p));
  return { usedColumns, oneHotT, unknownPositions, unknownT, weights };
}

function int64(g: GraphBuilder, values: number[]): string {
  return g.constant({ type: 'int64', dims: [values.length], data: values });
}

/**
 * The [batch, m] distance of each query to each exemplar: weighted known-in-both positions
 * minus matches (divided by the known-in-both weight when `normalize`).
 */
function addDistance(
  g: GraphBuilder,
  set: ExemplarSet,
  matrices: ExemplarMatrices,
  exemplars: string,
  normalize: boolean,
): string {
  const { positions, width } = set;
  const m = set.labels.length;
  const query = g.op('Cast', ['alleles'], { to: attr.int(UINT8) });
  const queryUsed = g.op('Gather', [query, int64(g, matrices.usedColumns)], { axis: attr.int(1) });
  const matches = g.op('Cast', [g.op('MatMulInteger', [queryUsed, exemplars])], {
    to: attr.int(FLOAT),
  });
  const perPosition = g.op('Reshape', ['alleles', int64(g, [0, positions, width])]);
  const queryKnown = g.op('ReduceSum', [perPosition, int64(g, [2])], { keepdims: attr.int(0) });
  const siteWeights = g.initializer('site_weights', {
    type: 'float',
    dims: [positions, 1],
    data: matrices.weights,
  });
  // [batch, 1]: the weighted positions the query knows; minus, per exemplar, those of them
  // the exemplar does not know.
  let knownBoth = g.op('MatMul', [queryKnown, siteWeights]);
  if (matrices.unknownPositions.length > 0) {
    const exemplarUnknown = g.initializer('exemplar_unknown_t', {
      type: 'uint8',
      dims: [matrices.unknownPositions.length, m],
      data: matrices.unknownT,
    });
    const queryKnownThere = g.op(
      'Cast',
      [g.op('Gather', [queryKnown, int64(g, matrices.unknownPositions)], { axis: attr.int(1) })],
      { to: attr.int(UINT8) },
    );
    const unknownThere = g.op('MatMulInteger', [queryKnownThere, exemplarUnknown]);
    knownBoth = g.op('Sub', [knownBoth, g.op('Cast', [unknownThere], { to: attr.int(FLOAT) })]);
  }
  const distance = g.op('Sub', [knownBoth, matches]);
  return normalize ? g.op('Div', [distance, g.op('Max', [knownBoth, g.scalar(1)])]) : distance;
}

/**
 * The weighted vote of the k nearest (`nearest_distance`, `nearest_index`) through the
 * one-hot label matrix: outputs `probabilities` and `label`.
 */
function addVote(
  g: GraphBuilder,
  labels: string,
  vote: Pick<ResolvedVoteOptions, 'weighting' | 'tau'>,
): void {
  let weights: string;
  if (vote.weighting === 'exp') {
    const nearest = g.op('ReduceMin', ['nearest_distance'], {
      axes: attr.ints([1]),
      keepdims: attr.int(1),
    });
    const shifted = g.op('Sub', ['nearest_distance', nearest]);
    weights = g.op('Exp', [g.op('Mul', [shifted, g.scalar(Math.fround(-1 / vote.tau))])]);
  } else weights = g.op('Reciprocal', [g.op('Add', ['nearest_distance', g.scalar(1)])]);
  const votes = g.op('Gather', [labels, 'nearest_index'], { axis: attr.int(0) });
  const weighted = g.op('Mul', [votes, g.op('Unsqueeze', [weights, int64(g, [2])])]);
  const sums = g.op('ReduceSum', [weighted, int64(g, [1])], { keepdims: attr.int(0) });
  const total = g.op('ReduceSum', [weights, int64(g, [1])], { keepdims: attr.int(1) });
  g.node('Div', [sums, total], ['probabilities']);
  g.node('ArgMax', ['probabilities'], ['label'], { axis: attr.int(1), keepdims: attr.int(0) });
}

/**
 * Builds the ONNX model for `set` with the vote settings of `options` (fixed in the graph).
 * @param metadata string key/values stored in the model
 */
export function exemplarClassifierToOnnx(
  set: ExemplarSet,
  options: ExemplarVoteOptions = {},
  metadata: Record<string, string> = {},
): Uint8Array {
  assertExemplarSet(set);
  const { k, weighting, tau, normalize } = resolveVoteOptions(set, options);
  const { positions, width, nClasses } = set;
  const m = set.labels.length;
  const g = new GraphBuilder('nearest_exemplar');
  g.input('alleles', 'float', ['batch', positions * width]);
  const matrices = exemplarMatrices(set);
  const exemplars = g.initializer('exemplar_onehot_t', {
    type: 'uint8',
    dims: [matrices.usedColumns.length, m],
    data: matrices.oneHotT,
  });
  const labelOneHot = new Float32Array(m * nClasses);
  set.labels.forEach((label, e) => (labelOneHot[e * nClasses + label] = 1));
  const labels = g.initializer('exemplar_label_onehot', {
    type: 'float',
    dims: [m, nClasses],
    data: labelOneHot,
  });
  const distance = addDistance(g, set, matrices, exemplars, normalize);
  g.node('TopK', [distance, int64(g, [k])], ['nearest_distance', 'nearest_index'], {
    axis: attr.int(-1),
    largest: attr.int(0),
    sorted: attr.int(1),
  });
  addVote(g, labels, { weighting, tau });

  g.output('probabilities', 'float', ['batch', nClasses]);
  g.output('label', 'int64', ['batch']);
  g.output('nearest_index', 'int64', ['batch', k]);
  g.output('nearest_distance', 'float', ['batch', k]);
  return g.toBytes(EXEMPLAR_OPSETS, metadata);
}
