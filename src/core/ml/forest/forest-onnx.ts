/**
 * A random forest as an ONNX-ML TreeEnsembleClassifier (ai.onnx.ml opset 3): input
 * `features` float [batch, nFeatures]; outputs `label` int64 [batch] (class index, the
 * argmax of the probabilities) and
 * `probabilities` float [batch, nClasses], a plain tensor (no ZipMap). Each leaf carries its
 * class distribution / nTrees and post_transform is NONE, so the sum over trees is the
 * forest's mean probability, as `predictForestProbabilities` computes it.
 */
import { attr, GraphBuilder, type Opset } from '../../onnx/graph-builder';
import type { RandomForest } from './random-forest';

export const FOREST_OPSETS: Opset[] = [
  { domain: '', version: 17 },
  { domain: 'ai.onnx.ml', version: 3 },
];

interface EnsembleAttributes {
  nodesTreeIds: number[];
  nodesNodeIds: number[];
  nodesFeatureIds: number[];
  nodesModes: string[];
  nodesValues: number[];
  nodesTrueNodeIds: number[];
  nodesFalseNodeIds: number[];
  classTreeIds: number[];
  classNodeIds: number[];
  classIds: number[];
  classWeights: number[];
}

function ensembleAttributes(forest: RandomForest): EnsembleAttributes {
  const a: EnsembleAttributes = {
    nodesTreeIds: [],
    nodesNodeIds: [],
    nodesFeatureIds: [],
    nodesModes: [],
    nodesValues: [],
    nodesTrueNodeIds: [],
    nodesFalseNodeIds: [],
    classTreeIds: [],
    classNodeIds: [],
    classIds: [],
    classWeights: [],
  };
  const C = forest.nClasses;
  const nTrees = forest.trees.length;
  // For two classes onnxruntime reads a leaf without a class-1 weight as a binary score
  // and reports [-s, s]; weights for both classes at every leaf keep it summing per class.
  const keepZeros = C === 2;
  forest.trees.forEach((tree, t) => {
    for (let node = 0; node < tree.nodeCount; node++) {
      const leaf = tree.feature[node]! < 0;
      a.nodesTreeIds.push(t);
      a.nodesNodeIds.push(node);
      a.nodesFeatureIds.push(leaf ? 0 : tree.feature[node]!);
      a.nodesModes.push(leaf ? 'LEAF' : 'BRANCH_LEQ');
      a.nodesValues.push(leaf ? 0 : tree.threshold[node]!);
      a.nodesTrueNodeIds.push(leaf ? 0 : tree.left[node]!);
      a.nodesFalseNodeIds.push(leaf ? 0 : tree.right[node]!);
      if (!leaf) continue;
      for (let c = 0; c < C; c++) {
        const p = tree.value[node * C + c]!;
        if (p === 0 && !keepZeros) continue;
        a.classTreeIds.push(t);
        a.classNodeIds.push(node);
        a.classIds.push(c);
        a.classWeights.push(p / nTrees);
      }
    }
  });
  return a;
}

/**
 * Serializes `forest` as an ONNX model.
 * @param metadata string key/values stored in the model (e.g. the label names)
 */
export function forestToOnnx(
  forest: RandomForest,
  metadata: Record<string, string> = {},
): Uint8Array {
  const a = ensembleAttributes(forest);
  const graph = new GraphBuilder('random_forest');
  graph.input('features', 'float', ['batch', forest.nFeatures]);
  graph.node(
    'TreeEnsembleClassifier',
    ['features'],
    ['ensemble_label', 'probabilities'],
    {
      classlabels_int64s: attr.ints(Array.from({ length: forest.nClasses }, (_, c) => c)),
      post_transform: attr.string('NONE'),
      nodes_treeids: attr.ints(a.nodesTreeIds),
      nodes_nodeids: attr.ints(a.nodesNodeIds),
      nodes_featureids: attr.ints(a.nodesFeatureIds),
      nodes_modes: attr.strings(a.nodesModes),
      nodes_values: attr.floats(a.nodesValues),
      nodes_truenodeids: attr.ints(a.nodesTrueNodeIds),
      nodes_falsenodeids: attr.ints(a.nodesFalseNodeIds),
      class_treeids: attr.ints(a.classTreeIds),
      class_nodeids: attr.ints(a.classNodeIds),
      class_ids: attr.ints(a.classIds),
      class_weights: attr.floats(a.classWeights),
    },
    'ai.onnx.ml',
  );
  // For two classes onnxruntime's own label is "class 1 if its score > 0", so the label is
  // taken from the probabilities instead (first class on ties, as `argmaxRows`).
  graph.node('ArgMax', ['probabilities'], ['label'], { axis: attr.int(1), keepdims: attr.int(0) });
  graph.output('label', 'int64', ['batch']);
  graph.output('probabilities', 'float', ['batch', forest.nClasses]);
  return graph.toBytes(FOREST_OPSETS, metadata);
}
