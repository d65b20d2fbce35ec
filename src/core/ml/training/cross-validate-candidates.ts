/**
 * Out-of-fold predictions of every candidate on the same folds, each fit exactly as the
 * final model is and scored through its ONNX model: what is measured is what ships.
 */
import type { ClassificationReport } from '../metrics';
import { crossValidate, type Fold } from '../validation';
import { candidateName, type Candidate } from './candidates';
import { fitCandidate, type FitProgress, type TrainingData } from './fit-candidate';
import { predictRows } from './predict-model';

/** Progress of the cross-validation: which candidate, which fold, and inside the fit. */
export interface CvProgress extends FitProgress {
  candidate: string;
  /** 1-based index among the candidates. */
  trial: number;
  trials: number;
  /** 1-based fold being fitted. */
  fold: number;
  folds: number;
}

export interface CandidateResult {
  candidate: Candidate;
  name: string;
  /** Out-of-fold probabilities, rows x numClasses (every row is tested once). */
  outOfFold: Float32Array;
  pooled: ClassificationReport;
  perFold: ClassificationReport[];
  seconds: number;
}

export interface CvOptions {
  seed: number;
  labels?: readonly string[];
  signal?: AbortSignal;
  onProgress?: (progress: CvProgress) => void;
}

/** Cross-validates each candidate in turn on `folds` (which must test every row once). */
export async function crossValidateCandidates(
  data: TrainingData,
  folds: readonly Fold[],
  candidates: readonly Candidate[],
  options: CvOptions,
): Promise<CandidateResult[]> {
  const { signal, onProgress } = options;
  const results: CandidateResult[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const name = candidateName(candidate);
    const started = performance.now();
    const report = (fold: number, progress: FitProgress = {}): void =>
      onProgress?.({
        candidate: name,
        trial: index + 1,
        trials: candidates.length,
        fold: fold + 1,
        folds: folds.length,
        ...progress,
      });
    const cv = await crossValidate(
      data.labels,
      data.numClasses,
      { kind: 'explicit', folds },
      async ({ fold, train, test }) => {
        report(fold);
        // Every fold of every candidate gets its own seed stream, the same on every run.
        const fitted = await fitCandidate(candidate, data, train, {
          seed: options.seed + 7919 * fold,
          signal,
          onProgress: (progress) => report(fold, progress),
        });
        return predictRows(fitted.bytes, data.alleles.features, test, data.numClasses);
      },
      { signal, evaluate: options.labels ? { labels: options.labels } : {} },
    );
    if (cv.testedRows.length !== data.labels.length)
      throw new RangeError('the folds must test every training row exactly once');
    results.push({
      candidate,
      name,
      outOfFold: cv.outOfFold,
      pooled: cv.pooled,
      perFold: cv.perFold,
      seconds: (performance.now() - started) / 1000,
    });
  }
  return results;
}
