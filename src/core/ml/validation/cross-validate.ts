/** Runs a user's fit-and-predict per fold and pools the out-of-fold probabilities into one report. */
import { InvalidInputError } from '../../errors';
import { evaluateClassifier, type EvaluateOptions } from '../metrics/evaluate-classifier';
import { checkLabels } from '../metrics/label-inputs';
import { metricValue, type MetricName } from '../metrics/report-metric';
import type { ClassificationReport } from '../metrics/report-schema';
import type { Fold } from './folds';
import { groupKFold } from './group-k-fold';
import { stratifiedKFold } from './stratified-k-fold';

/** How to cut the rows: stratified by label, by group, or folds made elsewhere. */
export type FoldsSpec =
  | { kind: 'stratified'; k: number; seed?: number }
  | { kind: 'group'; k: number; groups: ArrayLike<number | string> }
  | { kind: 'explicit'; folds: readonly Fold[] };

export interface FoldContext {
  /** 0-based fold index. */
  fold: number;
  folds: number;
  train: Int32Array;
  test: Int32Array;
  signal?: AbortSignal;
}

/** Trains on `train` rows and returns test.length x numClasses probabilities for `test` rows. */
export type FitAndPredict = (context: FoldContext) => Promise<ArrayLike<number>>;

export interface CrossValidateOptions {
  /** The metric summarized over folds. Default macroF1. */
  metric?: MetricName;
  evaluate?: Omit<EvaluateOptions, 'declined'>;
  signal?: AbortSignal;
  /** Called after each fold; `fold` counts the folds done (1-based). */
  onProgress?: (progress: { fold: number; folds: number }) => void;
}

export interface CrossValidationResult {
  metric: MetricName;
  /** Mean and population standard deviation of the metric over folds where it is defined. */
  mean: number | null;
  std: number | null;
  /** One report over every tested row, from its out-of-fold probabilities. */
  pooled: ClassificationReport;
  perFold: ClassificationReport[];
  /** The tested rows (ascending) and their out-of-fold probabilities, row-major. */
  testedRows: Int32Array;
  outOfFold: Float32Array;
}

/** The folds a spec describes, for `labels`. */
export function makeFolds(spec: FoldsSpec, labels: ArrayLike<number>): Fold[] {
  switch (spec.kind) {
    case 'stratified':
      return stratifiedKFold(labels, spec.k, spec.seed ?? 0);
    case 'group':
      if (spec.groups.length !== labels.length)
        throw new InvalidInputError(`${spec.groups.length} groups for ${labels.length} rows`);
      return groupKFold(spec.groups, spec.k);
    case 'explicit':
      return [...spec.folds];
  }
}

function meanAndStd(values: number[]): { mean: number | null; std: number | null } {
  if (values.length === 0) return { mean: null, std: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
  return { mean, std: Math.sqrt(variance) };
}

/**
 * Cross-validates: for each fold in turn, awaits `fitAndPredict`, scores its test rows and
 * keeps their probabilities. A row may be tested in at most one fold; rows no fold tests
 * are left out of the pooled report. Throws the signal's reason when it aborts (checked
 * before every fold and passed on to `fitAndPredict`).
 */
export async function crossValidate(
  labels: ArrayLike<number>,
  numClasses: number,
  folds: FoldsSpec,
  fitAndPredict: FitAndPredict,
  options: CrossValidateOptions = {},
): Promise<CrossValidationResult> {
  checkLabels(labels, numClasses);
  const { signal, onProgress } = options;
  const metric = options.metric ?? 'macroF1';
  const list = makeFolds(folds, labels);
  const probabilities = new Float32Array(labels.length * numClasses);
  const tested = new Uint8Array(labels.length);
  const perFold: ClassificationReport[] = [];
  for (let f = 0; f < list.length; f++) {
    signal?.throwIfAborted();
    const { train, test } = list[f]!;
    for (const row of test) {
      if (tested[row]) throw new InvalidInputError(`row ${row} is in more than one test fold`);
      tested[row] = 1;
    }
    const predicted = await fitAndPredict({ fold: f, folds: list.length, train, test, signal });
    signal?.throwIfAborted();
    if (predicted.length !== test.length * numClasses)
      throw new InvalidInputError(
        `fold ${f}: ${predicted.length} probabilities for ${test.length} rows x ${numClasses} classes`,
      );
    const foldLabels = Int32Array.from(test, (row) => labels[row]!);
    perFold.push(evaluateClassifier(foldLabels, predicted, numClasses, options.evaluate));
    test.forEach((row, j) => {
      for (let c = 0; c < numClasses; c++)
        probabilities[row * numClasses + c] = predicted[j * numClasses + c]!;
    });
    onProgress?.({ fold: f + 1, folds: list.length });
  }
  const testedRows = Int32Array.from(Array.from(tested.keys()).filter((row) => tested[row]));
  const outOfFold = new Float32Array(testedRows.length * numClasses);
  testedRows.forEach((row, j) =>
    outOfFold.set(probabilities.subarray(row * numClasses, (row + 1) * numClasses), j * numClasses),
  );
  const pooledLabels = Int32Array.from(testedRows, (row) => labels[row]!);
  const pooled = evaluateClassifier(pooledLabels, outOfFold, numClasses, options.evaluate);
  const values = perFold
    .map((report) => metricValue(report, metric))
    .filter((value): value is number => value !== null);
  return { metric, ...meanAndStd(values), pooled, perFold, testedRows, outOfFold };
}
