export { alignGenomes, type LabeledGenome } from './aligned-genomes';
export { candidateName, MODEL_FAMILIES, type Candidate, type ModelFamily } from './candidates';
export { combineModels, FEATURES_INPUT, PROBABILITIES_OUTPUT } from './combine-models';
export { nearIdenticalGroups, pangoParentGroup, pangoSubtreeGroup } from './lineage-groups';
export { mutationsOfAligned } from './exemplar-rows';
export { describeFit } from './final-model';
export { tipTrainingGenomes, type TipTrainingOptions } from './tip-training-genomes';
export { trainClassifier, type TrainedClassifier } from './train-classifier';
export type {
  FoldSummary,
  TrainClassifierOptions,
  TrainingProgress,
  TrainingReport,
} from './training-options';
export {
  datasetGenomes,
  detectGenomesPathogen,
  LABEL_COLUMN_GUESSES,
  type DatasetGenomes,
} from './dataset-genomes';
export { formatTrainingSummary } from './report-summary';
