import { describe, expect, it } from 'vitest';
import { gaussian, mulberry32 } from '../../../../src/core/cluster/random';
import { expectedCalibrationError } from '../../../../src/core/ml/metrics';
import {
  applyTemperature,
  calibrateClassifier,
  calibrationSchema,
  fitTemperature,
} from '../../../../src/core/ml/calibration';

const classes = 4;

/**
 * Logits whose softmax is the true class distribution of each row, and labels drawn from it:
 * a model reporting these logits is calibrated by construction.
 */
function calibratedSample(
  rows: number,
  seed: number,
): { logits: Float32Array; labels: Int32Array } {
  const random = mulberry32(seed);
  const logits = Float32Array.from({ length: rows * classes }, () => 1.5 * gaussian(random));
  const truth = applyTemperature(logits, classes, 1);
  const labels = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    let u = random();
    let c = 0;
    while (c < classes - 1 && u >= truth[i * classes + c]!) u -= truth[i * classes + c++]!;
    labels[i] = c;
  }
  return { logits, labels };
}

describe('fitTemperature', () => {
  it('finds T near 1 on calibrated logits', () => {
    const { logits, labels } = calibratedSample(6000, 1);
    expect(fitTemperature(logits, labels, classes)).toBeCloseTo(1, 1);
  });

  it('finds T > 1 on overconfident logits and lowers the calibration error', () => {
    const { logits, labels } = calibratedSample(6000, 2);
    // The model's logits are 3x the true ones: right ranking, far too sure.
    const overconfident = logits.map((z) => 3 * z);
    const temperature = fitTemperature(overconfident, labels, classes);
    expect(temperature).toBeGreaterThan(2.5);
    expect(temperature).toBeLessThan(3.5);
    const before = expectedCalibrationError(
      labels,
      applyTemperature(overconfident, classes, 1),
      classes,
    );
    const after = expectedCalibrationError(
      labels,
      applyTemperature(overconfident, classes, temperature),
      classes,
    );
    expect(after.ece).toBeLessThan(before.ece / 2);
  });

  it('stops at the lower bound when the logits separate the classes perfectly', () => {
    const logits = Float32Array.from([2, 0, 0, 2]);
    expect(fitTemperature(logits, Int32Array.from([0, 1]), 2)).toBeCloseTo(0.01, 4);
  });
});

describe('applyTemperature', () => {
  it('divides the logits by T before the softmax', () => {
    // softmax([2, 0] / 2) = [e / (e + 1), 1 / (e + 1)].
    const [p0, p1] = applyTemperature([2, 0], 2, 2);
    expect(p0).toBeCloseTo(Math.E / (Math.E + 1), 6);
    expect(p1).toBeCloseTo(1 / (Math.E + 1), 6);
  });
});

describe('calibrateClassifier', () => {
  it('returns a serializable calibration whose threshold meets the target accuracy', () => {
    const { logits, labels } = calibratedSample(4000, 3);
    const calibration = calibrateClassifier(
      logits.map((z) => 2 * z),
      labels,
      classes,
      { targetAccuracy: 0.9, minCoverage: 0.1 },
    );
    expect(calibrationSchema.parse(JSON.parse(JSON.stringify(calibration)))).toEqual(calibration);
    expect(calibration.temperature).toBeGreaterThan(1.5);
    expect(calibration.validation.eceAfter).toBeLessThan(calibration.validation.eceBefore);
    expect(calibration.validation.accuracyAssigned).toBeGreaterThanOrEqual(0.9);
    expect(calibration.validation.targetMet).toBe(true);
    expect(calibration.validation.coverage).toBeLessThan(1);
    expect(calibration.validation.coverageMet).toBe(calibration.validation.coverage >= 0.1);
  });

  it('can fit T by the calibration error instead, never ending worse than uncalibrated', () => {
    const { logits, labels } = calibratedSample(4000, 4);
    const overconfident = logits.map((z) => 2 * z);
    const byEce = calibrateClassifier(overconfident, labels, classes, { objective: 'ece' });
    expect(byEce.temperature).toBeGreaterThan(1.4);
    expect(byEce.temperature).toBeLessThan(2.8);
    expect(byEce.validation.eceAfter).toBeLessThan(byEce.validation.eceBefore / 2);
    // Calibrated logits: T stays at 1 or its neighbours on the grid.
    const calibrated = calibrateClassifier(logits, labels, classes, { objective: 'ece' });
    expect(calibrated.validation.eceAfter).toBeLessThanOrEqual(calibrated.validation.eceBefore);
    expect(Math.abs(Math.log(calibrated.temperature))).toBeLessThan(0.3);
  });
});
