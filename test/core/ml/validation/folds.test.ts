import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../../src/core/cluster/random';
import {
  groupKFold,
  stratifiedKFold,
  stratifiedSplit,
  type Fold,
} from '../../../../src/core/ml/validation';

function expectPartition(folds: Fold[], rows: number): void {
  const seen = new Uint8Array(rows);
  for (const { train, test } of folds) {
    expect(train.length + test.length).toBe(rows);
    const inTest = new Set(test);
    for (const row of train) expect(inTest.has(row)).toBe(false);
    for (const row of test) seen[row]! += 1;
  }
  // Every row is tested exactly once.
  expect(Array.from(seen).every((count) => count === 1)).toBe(true);
}

// 50, 23 and 7 rows of classes 0, 1, 2, shuffled.
function unevenLabels(): Int32Array {
  const labels = [...new Array(50).fill(0), ...new Array(23).fill(1), ...new Array(7).fill(2)];
  const random = mulberry32(11);
  for (let i = labels.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [labels[i], labels[j]] = [labels[j]!, labels[i]!];
  }
  return Int32Array.from(labels);
}

describe('stratifiedKFold', () => {
  const labels = unevenLabels();

  it('partitions the rows and keeps every class within one row of its share per fold', () => {
    const folds = stratifiedKFold(labels, 5, 3);
    expectPartition(folds, labels.length);
    for (const [c, total] of [50, 23, 7].entries()) {
      for (const { test } of folds) {
        const count = Array.from(test).filter((row) => labels[row] === c).length;
        expect(count).toBeGreaterThanOrEqual(Math.floor(total / 5));
        expect(count).toBeLessThanOrEqual(Math.ceil(total / 5));
      }
    }
    const sizes = folds.map((fold) => fold.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('gives the same folds for the same seed and different ones for another', () => {
    const a = stratifiedKFold(labels, 5, 3);
    expect(stratifiedKFold(labels, 5, 3)).toEqual(a);
    expect(stratifiedKFold(labels, 5, 4)).not.toEqual(a);
  });

  it('refuses fewer than 2 folds or more folds than rows', () => {
    expect(() => stratifiedKFold(labels, 1)).toThrow(/>= 2/);
    expect(() => stratifiedKFold([0, 1], 3)).toThrow(/only 2 rows/);
    expect(() => stratifiedKFold([0, -1, 1], 2)).toThrow(/not a class index/);
  });
});

describe('groupKFold', () => {
  // Groups of sizes 10, 8, 7, 5, 5, 3, 2, 2, 1, 1, named by letter, rows interleaved.
  const sizes = [10, 8, 7, 5, 5, 3, 2, 2, 1, 1];
  const groups: string[] = sizes.flatMap((size, g) =>
    new Array<string>(size).fill('abcdefghij'[g]!),
  );
  const random = mulberry32(5);
  for (let i = groups.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [groups[i], groups[j]] = [groups[j]!, groups[i]!];
  }

  it('never splits a group and balances fold sizes greedily', () => {
    const folds = groupKFold(groups, 3);
    expectPartition(folds, groups.length);
    for (const { train, test } of folds) {
      const testGroups = new Set(Array.from(test, (row) => groups[row]));
      for (const row of train) expect(testGroups.has(groups[row])).toBe(false);
    }
    // Largest first to the lightest fold: 10|8|7, 5->f2 (12), 5->f1 (13), 3->f0 (13),
    // 2->f2 (14), 2->f0 (15), 1->f1 (14), 1->f1 (15).
    expect(folds.map((fold) => fold.test.length)).toEqual([15, 15, 14]);
    expect(groupKFold(groups, 3)).toEqual(folds);
  });

  it('refuses more folds than groups', () => {
    expect(() => groupKFold(['x', 'x', 'y'], 3)).toThrow(/only 2 groups/);
  });
});

describe('stratifiedSplit', () => {
  it('holds out each class in proportion, largest remainders taking the rows still owed', () => {
    // Three classes of 3 at 0.5: round(4.5) = 5 rows; floors 1 + 1 + 1, the two owed rows go
    // to classes 0 and 1 (equal remainders, lower index first).
    const labels = [0, 1, 2, 0, 1, 2, 0, 1, 2];
    const split = stratifiedSplit(labels, 0.5, 1);
    expect(split.validation.length).toBe(5);
    const perClass = [0, 1, 2].map(
      (c) => Array.from(split.validation).filter((r) => labels[r] === c).length,
    );
    expect(perClass).toEqual([2, 2, 1]);
    expect([...split.train, ...split.validation].sort((a, b) => a - b)).toEqual(
      labels.map((_, i) => i),
    );
    expect(stratifiedSplit(labels, 0.5, 1)).toEqual(split);
  });

  it('keeps a singleton class in training', () => {
    const split = stratifiedSplit([0, 0, 0, 0, 1], 0.4, 2);
    expect(split.validation.length).toBe(2);
    expect(Array.from(split.train)).toContain(4);
  });
});
