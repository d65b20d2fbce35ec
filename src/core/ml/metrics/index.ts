export {
  DEFAULT_CALIBRATION_BINS,
  expectedCalibrationError,
  reliabilityCurve,
  type ReliabilityBin,
  type ReliabilityCurve,
} from './calibration-error';
export {
  accuracyFromConfusion,
  macroF1,
  perClassScores,
  weightedF1,
  type ClassScores,
} from './classification-scores';
export { confusionMatrix } from './confusion-matrix';
export { evaluateClassifier, type EvaluateOptions } from './evaluate-classifier';
export {
  argmaxLabels,
  checkLabels,
  checkProbabilities,
  declinedBelow,
  maxProbabilities,
} from './label-inputs';
export { FLOAT32_EPSILON, logLoss } from './log-loss';
export { higherIsBetter, METRIC_NAMES, metricValue, type MetricName } from './report-metric';
export {
  classificationReportSchema,
  classReportSchema,
  reliabilityBinSchema,
  type ClassificationReport,
  type ClassReport,
} from './report-schema';
export { binaryRocAuc, oneVsRestRocAuc } from './roc-auc';
export { topKAccuracy } from './top-k-accuracy';
