import { describe, expect, it } from 'vitest';
import {
  binaryRocAuc,
  FLOAT32_EPSILON,
  logLoss,
  reliabilityCurve,
  topKAccuracy,
} from '../../../../src/core/ml/metrics';

describe('binaryRocAuc', () => {
  it('matches the scikit-learn example', () => {
    // Positives .35 and .8 against negatives .1 and .4: .35 beats .1, .8 beats both -> 3/4.
    expect(binaryRocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it('counts tied scores as half a pair, as the trapezoid rule', () => {
    // Positive .5 ties both negative .5s (1/2 + 1/2); positive .9 beats both (2) -> 3/4.
    expect(binaryRocAuc([0.5, 0.5, 0.5, 0.9], [1, 0, 0, 1])).toBeCloseTo(0.75, 12);
  });

  it('is null when one side is empty', () => {
    expect(binaryRocAuc([0.2, 0.3], [0, 0])).toBeNull();
    expect(binaryRocAuc([0.2, 0.3], [1, 1])).toBeNull();
  });
});

describe('logLoss', () => {
  it('clips a zero true-class probability to float32 epsilon', () => {
    // -ln(2^-23) = 23 ln 2, scikit-learn's value for a float32 zero.
    expect(logLoss([0], [0, 1], 2)).toBeCloseTo(23 * Math.LN2, 9);
    expect(logLoss([1], [0, 1], 2)).toBeCloseTo(-Math.log(1 - FLOAT32_EPSILON), 12);
  });
});

describe('topKAccuracy', () => {
  it('breaks ties the same way as the top-1 prediction', () => {
    // Row 0: true class 1 ties class 0, which comes first, so it is a top-2 but not a top-1 hit.
    const probabilities = [0.5, 0.5, 0, 0.2, 0.3, 0.5];
    expect(topKAccuracy([1, 0], probabilities, 3, 1)).toBe(0);
    expect(topKAccuracy([1, 0], probabilities, 3, 2)).toBe(0.5);
    expect(topKAccuracy([1, 0], probabilities, 3, 3)).toBe(1);
  });
});

describe('reliabilityCurve', () => {
  it('bins confidences in equal widths and weights each gap by its share of rows', () => {
    // Four bins: [.25,.5) holds .3 .35 (mean .325, 1 of 2 right, gap .175);
    // [.5,.75) holds .6 .7 (mean .65, 1 of 2, gap .15); [.75,1] holds .9 .95 (mean .925, 2 of 2,
    // gap .075). ECE = (2/6)(.175 + .15 + .075) = .4/3.
    const curve = reliabilityCurve([0.3, 0.35, 0.6, 0.7, 0.9, 0.95], [0, 1, 1, 0, 1, 1], 4);
    expect(curve.ece).toBeCloseTo(0.4 / 3, 12);
    expect(curve.bins[0]).toEqual({
      lower: 0,
      upper: 0.25,
      count: 0,
      meanConfidence: null,
      accuracy: null,
    });
    expect(curve.bins[1]!.meanConfidence).toBeCloseTo(0.325, 12);
    expect(curve.bins[3]).toMatchObject({ count: 2, accuracy: 1 });
  });

  it('puts confidence 1 in the last bin', () => {
    const curve = reliabilityCurve([1], [1], 15);
    expect(curve.bins[14]!.count).toBe(1);
    expect(curve.ece).toBe(0);
  });
});
