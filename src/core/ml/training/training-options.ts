/** Options, progress events and the report of a classifier training run. */
import type { ClassificationReport, MetricName } from '../metrics';
import type { ModelFamily } from './candidates';
import type { FitProgress } from './fit-candidate';
import type { SelectionTrial } from './select-model';

export interface TrainClassifierOptions {
  /** Pathogen id recorded in the manifest (default: the folder name). */
  pathogenId?: string;
  /** Bundle name (default `<pathogen>-<task>`), version (default 1.0.0), task (default clade). */
  name?: string;
  version?: string;
  task?: string;
  /** One family, or `auto` (default): every family and their blends, chosen by `metric`. */
  model?: ModelFamily | 'auto';
  search?: 'grid' | 'random';
  /** Settings per family drawn by random search (default 2). */
  draws?: number;
  /** Caps the epochs of softmax and MLP candidates (their search spaces say 20). */
  maxEpochs?: number;
  /** Cross-validation folds (default 5; fewer when there are fewer groups). */
  folds?: number;
  /** The declared selection metric (default macroF1). */
  metric?: MetricName;
  seed?: number;
  /** Mismatches within which genomes of a label share a group when none is given (default 2). */
  groupRadius?: number;
  /** Least minor-allele count of a feature position (default 2) and most positions (4000). */
  minMinorCount?: number;
  maxPositions?: number;
  /** Exemplars per class listed in exemplars.tsv (default 400: the fallback answer and the recombinant check read them). */
  exemplarsPerClass?: number;
  /** Exact mutations of source samples, for exemplars.tsv. */
  sourceMutations?: ReadonlyMap<string, string>;
  /** Accuracy the confidence threshold aims for among assigned predictions (default 0.98). */
  targetAccuracy?: number;
  /** ISO time recorded as createdAt (default now); fix it for reproducible bytes. */
  createdAt?: string;
  toolVersion?: string;
  /** Alignment threads (default 2). */
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (progress: TrainingProgress) => void;
}

/** Progress events, by stage; `message` is a one-line human summary. */
export type TrainingProgress =
  | { stage: 'align'; done: number; total: number; message: string }
  | { stage: 'features'; message: string }
  | ({
      stage: 'cross-validate';
      candidate: string;
      trial: number;
      trials: number;
      fold: number;
      folds: number;
      message: string;
    } & FitProgress)
  | ({ stage: 'final-fit'; candidate: string; message: string } & FitProgress)
  | { stage: 'bundle'; message: string };

export interface FoldSummary {
  fold: number;
  rows: number;
  groups: number;
  accuracy: number;
  macroF1: number;
}

/** What a run measured and chose; stored (in JSON form) as the manifest's metrics. */
export interface TrainingReport {
  pathogenId: string;
  rows: number;
  classes: string[];
  groups: number;
  grouping: 'given' | 'near-identical';
  failed: { id: string; reason: string }[];
  featurePositions: number;
  metric: MetricName;
  chosen: string;
  trials: (SelectionTrial & { seconds?: number })[];
  temperature: number;
  confidenceThreshold: number;
  /** Pooled out-of-fold report of the chosen model, calibrated, with the threshold applied. */
  crossValidation: ClassificationReport;
  eceBeforeCalibration: number;
  perFold: FoldSummary[];
  seconds: number;
}
