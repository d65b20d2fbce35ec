/**
 * The nearest-exemplar classifier as an ONNX graph. Input `alleles` float [batch, positions x
 * width] one-hot (see allele-codes.ts). Exemplars are stored as uint8 initializers and the
 * counts are integer matrix products (MatMulInteger), so a 2,000 x 15,000 one-hot set stays
 * 30 MB rather than 120 MB of floats:
 *   matches    = q . E^T            (same known allele)
 *   knownBoth  = Kq . Ke^T          (K = per-position "known" indicator)
 *   distance   = knownBoth - matches   (optionally / max(knownBoth, 1))
 * then TopK (k smallest, lower index first on ties) and a weighted vote through the one-hot
 * label matrix. Outputs: `probabilities` float [batch, C], `label` int64 [batch],
 * `nearest_index` int64 [batch, k], `nearest_distance` float [batch, k].
 */
import { attr, GraphBuilder, type Opset } from '../onnx/graph-builder';
import { isKnown } from './allele-codes';
import {
  assertExemplarSet,
  resolveVoteOptions,
  type ExemplarSet,
  type ExemplarVoteOptions,
} from './exemplar-set';

export const EXEMPLAR_OPSETS: Opset[] = [{ domain: '', version: 17 }];

const UINT8 = 2; // TensorProto.DataType
const FLOAT = 1;

/**
 * E^T (one-hot, [positions*width, m]) and Ke^T ([positions, m]) as uint8, each 1 scaled by its
 * position's site weight: the products then count weighted matches and known sites.
 */
function exemplarMatrices(set: ExemplarSet): { oneHotT: Uint8Array; knownT: Uint8Array } {
  const { positions, width, codes, siteWeights } = set;
  const m = set.labels.length;
  const oneHotT = new Uint8Array(positions * width * m);
  const knownT = new Uint8Array(positions * m);
  for (let e = 0; e < m; e++)
    for (let p = 0; p < positions; p++) {
      const code = codes[e * positions + p]!;
      if (!isKnown(code, width)) continue;
      const weight = siteWeights ? siteWeights[p]! : 1;
      knownT[p * m + e] = weight;
      oneHotT[(p * width + code - 1) * m + e] = weight;
    }
  return { oneHotT, knownT };
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
  const { oneHotT, knownT } = exemplarMatrices(set);
  const exemplars = g.initializer('exemplar_onehot_t', {
    type: 'uint8',
    dims: [positions * width, m],
    data: oneHotT,
  });
  const exemplarKnown = g.initializer('exemplar_known_t', {
    type: 'uint8',
    dims: [positions, m],
    data: knownT,
  });
  const labelOneHot = new Float32Array(m * nClasses);
  set.labels.forEach((label, e) => (labelOneHot[e * nClasses + label] = 1));
  const labels = g.initializer('exemplar_label_onehot', {
    type: 'float',
    dims: [m, nClasses],
    data: labelOneHot,
  });
  const int64 = (values: number[]): string =>
    g.constant({ type: 'int64', dims: [values.length], data: values });

  const query = g.op('Cast', ['alleles'], { to: attr.int(UINT8) });
  const matches = g.op('Cast', [g.op('MatMulInteger', [query, exemplars])], {
    to: attr.int(FLOAT),
  });
  const perPosition = g.op('Reshape', ['alleles', int64([0, positions, width])]);
  const queryKnown = g.op('ReduceSum', [perPosition, int64([2])], { keepdims: attr.int(0) });
  const queryKnown8 = g.op('Cast', [queryKnown], { to: attr.int(UINT8) });
  const knownBoth = g.op('Cast', [g.op('MatMulInteger', [queryKnown8, exemplarKnown])], {
    to: attr.int(FLOAT),
  });
  let distance = g.op('Sub', [knownBoth, matches]);
  if (normalize) distance = g.op('Div', [distance, g.op('Max', [knownBoth, g.scalar(1)])]);
  g.node('TopK', [distance, int64([k])], ['nearest_distance', 'nearest_index'], {
    axis: attr.int(-1),
    largest: attr.int(0),
    sorted: attr.int(1),
  });

  let weights: string;
  if (weighting === 'exp') {
    const nearest = g.op('ReduceMin', ['nearest_distance'], {
      axes: attr.ints([1]),
      keepdims: attr.int(1),
    });
    const shifted = g.op('Sub', ['nearest_distance', nearest]);
    weights = g.op('Exp', [g.op('Mul', [shifted, g.scalar(Math.fround(-1 / tau))])]);
  } else weights = g.op('Reciprocal', [g.op('Add', ['nearest_distance', g.scalar(1)])]);
  const votes = g.op('Gather', [labels, 'nearest_index'], { axis: attr.int(0) });
  const weighted = g.op('Mul', [votes, g.op('Unsqueeze', [weights, int64([2])])]);
  const sums = g.op('ReduceSum', [weighted, int64([1])], { keepdims: attr.int(0) });
  const total = g.op('ReduceSum', [weights, int64([1])], { keepdims: attr.int(1) });
  g.node('Div', [sums, total], ['probabilities']);
  g.node('ArgMax', ['probabilities'], ['label'], { axis: attr.int(1), keepdims: attr.int(0) });

  g.output('probabilities', 'float', ['batch', nClasses]);
  g.output('label', 'int64', ['batch']);
  g.output('nearest_index', 'int64', ['batch', k]);
  g.output('nearest_distance', 'float', ['batch', k]);
  return g.toBytes(EXEMPLAR_OPSETS, metadata);
}
