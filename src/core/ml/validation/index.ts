export {
  crossValidate,
  makeFolds,
  type CrossValidateOptions,
  type CrossValidationResult,
  type FitAndPredict,
  type FoldContext,
  type FoldsSpec,
} from './cross-validate';
export { foldsFromAssignment, type Fold } from './folds';
export { groupKFold } from './group-k-fold';
export {
  gridConfigurations,
  sampleConfigurations,
  type Distribution,
  type GridSpace,
  type ParameterConfiguration,
  type ParameterValue,
  type RandomSpace,
} from './parameter-space';
export {
  gridSearch,
  randomSearch,
  searchConfigurations,
  type EvaluateConfiguration,
  type SearchOptions,
  type SearchResult,
  type Trial,
  type TrialContext,
} from './parameter-search';
export { stratifiedKFold } from './stratified-k-fold';
export { stratifiedSplit, type TrainValidationSplit } from './train-validation-split';
