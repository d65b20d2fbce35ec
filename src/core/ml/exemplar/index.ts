export {
  codesFromOneHot,
  encodeAlleleCodes,
  GAP,
  isKnown,
  oneHotAlleles,
  UNKNOWN,
  type AlleleWidth,
} from './allele-codes';
export { EXEMPLAR_OPSETS, exemplarClassifierToOnnx } from './exemplar-onnx';
export { assertExemplarSet, type ExemplarSet, type ExemplarVoteOptions } from './exemplar-set';
export {
  exemplarDistances,
  predictNearestExemplars,
  type ExemplarPrediction,
} from './nearest-exemplars';
export { detectRecombinant, type RecombinantCall, type RecombinantOptions } from './recombinant';
export { mismatchCount, selectExemplars, subsetExemplars } from './select-exemplars';
export { cladeDefiningSites, definingSiteWeights } from './defining-sites';
