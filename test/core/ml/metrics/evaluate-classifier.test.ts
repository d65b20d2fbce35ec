import { describe, expect, it } from 'vitest';
import {
  classificationReportSchema,
  evaluateClassifier,
  metricValue,
} from '../../../../src/core/ml/metrics';

// Six rows, three classes. Argmax predictions: [0, 1, 1, 0, 0, 0]; class 2 is never predicted.
const yTrue = Int32Array.from([0, 0, 1, 1, 2, 0]);
const probabilities = Float32Array.from([
  0.7,
  0.2,
  0.1, //
  0.3,
  0.6,
  0.1, //
  0.2,
  0.7,
  0.1, //
  0.5,
  0.4,
  0.1, //
  0.6,
  0.3,
  0.1, //
  0.8,
  0.1,
  0.1,
]);

describe('evaluateClassifier', () => {
  const report = evaluateClassifier(yTrue, probabilities, 3, {
    labels: ['A', 'B', 'C'],
    topK: [2],
    calibrationBins: 4,
  });

  it('counts the confusion matrix with true classes as rows', () => {
    expect(report.confusionMatrix).toEqual([
      [2, 1, 0],
      [1, 1, 0],
      [1, 0, 0],
    ]);
    expect(report.accuracy).toBeCloseTo(3 / 6, 12);
  });

  it('scores each class, giving a never-predicted class precision 0 (zero_division=0)', () => {
    // Class 0: 2 of 4 predictions right, 2 of 3 rows found: F1 = 2(1/2)(2/3)/(7/6) = 4/7.
    // Class 1: 1 of 2 predictions right, 1 of 2 rows found: F1 = 1/2. Class 2: nothing.
    const expected = [
      { precision: 0.5, recall: 2 / 3, f1: 4 / 7, support: 3 },
      { precision: 0.5, recall: 0.5, f1: 0.5, support: 2 },
      { precision: 0, recall: 0, f1: 0, support: 1 },
    ];
    expected.forEach((scores, c) => {
      const entry = report.perClass[c]!;
      expect(entry.label).toBe(['A', 'B', 'C'][c]);
      expect(entry.support).toBe(scores.support);
      expect(entry.precision).toBeCloseTo(scores.precision, 12);
      expect(entry.recall).toBeCloseTo(scores.recall, 12);
      expect(entry.f1).toBeCloseTo(scores.f1, 12);
    });
    // Macro: (4/7 + 1/2 + 0) / 3 = 5/14. Weighted: (3 x 4/7 + 2 x 1/2 + 0) / 6 = 19/42.
    expect(report.macroF1).toBeCloseTo(5 / 14, 12);
    expect(report.weightedF1).toBeCloseTo(19 / 42, 12);
  });

  it('computes one-vs-rest ROC-AUC by counting ordered positive/negative pairs', () => {
    // Class 0 scores: positives .7 .3 .8 vs negatives .2 .5 .6 -> 3 + 1 + 3 = 7 of 9 pairs.
    // Class 1: positives .7 .4 vs negatives .2 .6 .3 .1 -> 4 + 3 = 7 of 8 pairs.
    // Class 2: every score is .1, so all 5 pairs tie and count 1/2 each.
    const expected = [7 / 9, 7 / 8, 0.5];
    expected.forEach((auc, c) => expect(report.perClass[c]!.rocAuc).toBeCloseTo(auc, 12));
    expect(report.macroRocAuc).toBeCloseTo((7 / 9 + 7 / 8 + 0.5) / 3, 12);
  });

  it('averages the negative log of the true-class probability', () => {
    const trueClassP = [0.7, 0.3, 0.7, 0.4, 0.1, 0.8];
    const expected = -trueClassP.reduce((sum, p) => sum + Math.log(p), 0) / 6;
    expect(report.logLoss).toBeCloseTo(expected, 6);
  });

  it('reports top-k accuracy and the reliability curve', () => {
    // Only row 4 (true class 2 with the lowest probability) misses the top 2.
    expect(report.topK).toEqual([{ k: 2, accuracy: 5 / 6 }]);
    // Confidences .7 .6 .7 .5 .6 .8 all fall in [0.5, 0.75) but .8 in [0.75, 1].
    const [, , middle, top] = report.calibration.bins;
    expect(middle!.count).toBe(5);
    expect(middle!.accuracy).toBeCloseTo(2 / 5, 12);
    expect(top).toMatchObject({ count: 1, accuracy: 1 });
    expect(report.calibration.bins[0]).toMatchObject({ count: 0, accuracy: null });
  });

  it('reports coverage 1 without a declined mask, and accuracy among assigned rows with one', () => {
    expect(report.coverage).toBe(1);
    expect(report.accuracyAssigned).toBeCloseTo(0.5, 12);
    // Declining rows 1 and 3 (both wrong) leaves rows 0, 2, 4, 5: three of four right.
    const declined = Uint8Array.from([0, 1, 0, 1, 0, 0]);
    const withMask = evaluateClassifier(yTrue, probabilities, 3, { declined });
    expect(withMask.coverage).toBeCloseTo(4 / 6, 12);
    expect(withMask.assigned).toBe(4);
    expect(withMask.accuracyAssigned).toBeCloseTo(3 / 4, 12);
    expect(withMask.accuracy).toBe(report.accuracy);
    const allDeclined = evaluateClassifier(yTrue, probabilities, 3, {
      declined: new Uint8Array(6).fill(1),
    });
    expect(allDeclined.accuracyAssigned).toBeNull();
  });

  it('gives null, not NaN, for the ROC-AUC of a class absent from the true labels', () => {
    const absent = evaluateClassifier(
      Int32Array.from([0, 1, 0, 1]),
      Float32Array.from([0.6, 0.3, 0.1, 0.2, 0.7, 0.1, 0.2, 0.1, 0.7, 0.1, 0.8, 0.1]),
      3,
    );
    expect(absent.perClass[2]!.rocAuc).toBeNull();
    // Class 2 is predicted once (row 2) but never true: precision 0 and it still counts in macro F1.
    expect(absent.perClass[2]).toMatchObject({ precision: 0, recall: 0, f1: 0, support: 0 });
    // Class 0: 1 of 1 predictions, 1 of 2 rows -> F1 2/3; class 1: 2 of 2, 2 of 2 -> F1 1.
    expect(absent.macroF1).toBeCloseTo((2 / 3 + 1 + 0) / 3, 12);
    // AUC: class 0 positives .6 .2 vs negatives .2 .1 -> 2 + 0.5 + 1 = 3.5 of 4; class 1 is 1.
    expect(absent.macroRocAuc).toBeCloseTo((3.5 / 4 + 1) / 2, 6);
  });

  it('is plain JSON that its schema accepts', () => {
    const roundTrip = JSON.parse(JSON.stringify(report)) as unknown;
    expect(roundTrip).toEqual(report);
    expect(classificationReportSchema.parse(roundTrip)).toEqual(report);
    expect(metricValue(report, 'ece')).toBe(report.calibration.ece);
    expect(metricValue(report, 'macroF1')).toBe(report.macroF1);
  });

  it('refuses labels outside the classes and probabilities of the wrong shape', () => {
    expect(() => evaluateClassifier(Int32Array.from([3]), new Float32Array(3), 3)).toThrow(
      /class index/,
    );
    expect(() => evaluateClassifier(Int32Array.from([0]), new Float32Array(2), 3)).toThrow(
      /2 probabilities/,
    );
  });
});
