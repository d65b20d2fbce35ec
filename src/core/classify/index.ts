export { applyTemperature, topClasses } from './calibration';
export { openClassifier, type Classifier, type OpenClassifierOptions } from './classifier';
export { loadClassifierBundle, type ClassifierBundle } from './classifier-bundle';
export { parseExemplarTable, type ExemplarRow } from './exemplar-table';
export {
  sequenceText,
  type ClassifyOptions,
  type ClassifyProgress,
  type Prediction,
  type SequenceInput,
  type UnassignedReason,
} from './prediction';
export { looksLikeBundlePath, modelsDirs, parseModelName } from './resolve-model';
export { chooseModel, type ModelChoice, type ModelRequest } from './model-choice';
