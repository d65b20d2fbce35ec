/** Fits a temperature and a confidence threshold on held-out logits: the calibration a bundle stores. */
import { z } from 'zod';
import { DEFAULT_CALIBRATION_BINS, reliabilityCurve } from '../metrics/calibration-error';
import {
  argmaxLabels,
  checkLabels,
  checkProbabilities,
  maxProbabilities,
} from '../metrics/label-inputs';
import { chooseConfidenceThreshold, DEFAULT_TARGET_ACCURACY } from './confidence-threshold';
import {
  applyTemperature,
  fitTemperature,
  type TemperatureFitOptions,
} from './temperature-scaling';

const rate = z.number().min(0).max(1);

export const calibrationSchema = z.object({
  temperature: z.number().positive(),
  /** Calibrated max-probability at or above which a prediction is assigned. */
  threshold: rate,
  targetAccuracy: rate,
  minCoverage: rate,
  validation: z.object({
    rows: z.int().min(1),
    coverage: rate,
    accuracyAssigned: rate,
    targetMet: z.boolean(),
    coverageMet: z.boolean(),
    eceBefore: rate,
    eceAfter: rate,
  }),
});

export type Calibration = z.infer<typeof calibrationSchema>;

export interface CalibrateOptions extends TemperatureFitOptions {
  /**
   * What the temperature minimizes on the held-out rows: the negative log-likelihood
   * (`nll`, the usual fit) or the expected calibration error of the top label (`ece`, a
   * grid over ln T in [-2, 2] that includes T = 1, so it never ends worse than uncalibrated).
   * Default `nll`.
   */
  objective?: 'nll' | 'ece';
  /** Default 0.95. */
  targetAccuracy?: number;
  /** Default 0. */
  minCoverage?: number;
  /** Bins of the ECE before and after. Default 15. */
  calibrationBins?: number;
}

/** Grid steps of ln T over [-2, 2] (T = 1 is one of them). */
const ECE_GRID_STEPS = 80;

/** The temperature of the grid with the lowest ECE; ties go to the one closest to 1. */
function fitTemperatureByEce(
  logits: ArrayLike<number>,
  correct: Uint8Array,
  numClasses: number,
  bins: number,
): number {
  let best = { temperature: 1, ece: Infinity, distance: Infinity };
  for (let step = 0; step <= ECE_GRID_STEPS; step++) {
    const logT = -2 + (4 * step) / ECE_GRID_STEPS;
    const temperature = Math.exp(logT);
    const confidence = maxProbabilities(
      applyTemperature(logits, numClasses, temperature),
      numClasses,
    );
    const { ece } = reliabilityCurve(confidence, correct, bins);
    if (
      ece < best.ece - 1e-12 ||
      (Math.abs(ece - best.ece) <= 1e-12 && Math.abs(logT) < best.distance)
    )
      best = { temperature, ece, distance: Math.abs(logT) };
  }
  return best.temperature;
}

/**
 * Fits the temperature on held-out `logits` (rows x numClasses) and `labels`, then chooses
 * the confidence threshold on the calibrated probabilities of the same rows (see
 * `chooseConfidenceThreshold`). Both are fitted on one set, so the validation numbers are
 * slightly optimistic; score them on a further set where one exists.
 */
export function calibrateClassifier(
  logits: ArrayLike<number>,
  labels: ArrayLike<number>,
  numClasses: number,
  options: CalibrateOptions = {},
): Calibration {
  checkLabels(labels, numClasses);
  checkProbabilities(logits, labels.length, numClasses);
  const { targetAccuracy = DEFAULT_TARGET_ACCURACY, minCoverage = 0 } = options;
  const bins = options.calibrationBins ?? DEFAULT_CALIBRATION_BINS;
  // Temperature leaves each row's argmax unchanged, so correctness is the same before and after.
  const predicted = argmaxLabels(logits, numClasses);
  const correct = Uint8Array.from(predicted, (label, i) => (label === labels[i] ? 1 : 0));
  const before = applyTemperature(logits, numClasses, 1);
  const temperature =
    options.objective === 'ece'
      ? fitTemperatureByEce(logits, correct, numClasses, bins)
      : fitTemperature(logits, labels, numClasses, options);
  const after = applyTemperature(logits, numClasses, temperature);
  const confidence = maxProbabilities(after, numClasses);
  const choice = chooseConfidenceThreshold(confidence, correct, { targetAccuracy, minCoverage });
  return {
    temperature,
    threshold: choice.threshold,
    targetAccuracy,
    minCoverage,
    validation: {
      rows: labels.length,
      coverage: choice.coverage,
      accuracyAssigned: choice.accuracyAssigned,
      targetMet: choice.targetMet,
      coverageMet: choice.coverageMet,
      eceBefore: reliabilityCurve(maxProbabilities(before, numClasses), correct, bins).ece,
      eceAfter: reliabilityCurve(confidence, correct, bins).ece,
    },
  };
}
