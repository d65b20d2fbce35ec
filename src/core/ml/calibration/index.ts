export {
  calibrateClassifier,
  calibrationSchema,
  type CalibrateOptions,
  type Calibration,
} from './calibrate-classifier';
export {
  chooseConfidenceThreshold,
  DEFAULT_TARGET_ACCURACY,
  type ThresholdChoice,
  type ThresholdOptions,
} from './confidence-threshold';
export {
  applyTemperature,
  fitTemperature,
  temperatureNll,
  type TemperatureFitOptions,
} from './temperature-scaling';
