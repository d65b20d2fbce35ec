export { binFeatures, type BinnedFeatures } from './binned-features';
export { leafOf, treeDepth, type DecisionTree } from './decision-tree';
export {
  resolveMaxFeatures,
  type ForestProgress,
  type MaxFeatures,
  type RandomForestOptions,
} from './forest-options';
export { FOREST_OPSETS, forestToOnnx } from './forest-onnx';
export {
  argmaxRows,
  predictForestLabels,
  predictForestProbabilities,
  type RandomForest,
} from './random-forest';
export type { ClassWeightMode } from './sample-weights';
export { trainRandomForest } from './train-forest';
