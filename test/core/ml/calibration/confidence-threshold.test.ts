import { describe, expect, it } from 'vitest';
import { chooseConfidenceThreshold } from '../../../../src/core/ml/calibration';

// Seven predictions by falling confidence. Accuracy among those at or above each threshold:
// .99 -> 1/1, .95 -> 2/2, .9 (two rows, one wrong) -> 3/4, .8 -> 4/5, .7 -> 5/6, .6 -> 5/7.
const confidence = [0.9, 0.6, 0.99, 0.8, 0.95, 0.7, 0.9];
const correct = [1, 0, 1, 1, 1, 1, 0];

describe('chooseConfidenceThreshold', () => {
  it('chooses the lowest threshold meeting the target, even past a dip', () => {
    // 0.8 is met at .7 (5/6) though .9 falls below it (3/4).
    const choice = chooseConfidenceThreshold(confidence, correct, { targetAccuracy: 0.8 });
    expect(choice).toEqual({
      threshold: 0.7,
      coverage: 6 / 7,
      accuracyAssigned: 5 / 6,
      targetMet: true,
      coverageMet: true,
    });
  });

  it('defaults to a 0.95 target and flags coverage below the minimum', () => {
    const choice = chooseConfidenceThreshold(confidence, correct, { minCoverage: 0.5 });
    expect(choice).toMatchObject({ threshold: 0.95, coverage: 2 / 7, accuracyAssigned: 1 });
    expect(choice.coverageMet).toBe(false);
  });

  it('falls back to the most accurate threshold when no threshold meets the target', () => {
    // .9 -> 0/1, .8 -> 1/2: the target 0.95 is out of reach; .8 is the most accurate.
    const choice = chooseConfidenceThreshold([0.9, 0.8], [0, 1]);
    expect(choice).toMatchObject({
      threshold: 0.8,
      coverage: 1,
      accuracyAssigned: 0.5,
      targetMet: false,
    });
  });

  it('counts an exact 19 of 20 as meeting 0.95', () => {
    const conf = Array.from({ length: 20 }, (_, i) => 1 - i / 100);
    const right = conf.map((_, i) => (i === 0 ? 0 : 1));
    expect(chooseConfidenceThreshold(conf, right).coverage).toBe(1);
  });
});
