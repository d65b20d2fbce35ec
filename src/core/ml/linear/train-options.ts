/** Options, progress and results of training softmax regression or the MLP. */
import type { LinearModel } from './model';
import type { OptimizerConfig } from './optimizer-graph';

/** Reported after every optimizer step. */
export interface TrainProgress {
  /** 1-based epoch and its step. */
  epoch: number;
  epochs: number;
  step: number;
  stepsPerEpoch: number;
  /** Loss of this step's batch (cross-entropy + L2). */
  loss: number;
  /** On an epoch's last step: mean batch loss of the epoch. */
  epochLoss?: number;
  /** On an epoch's last step, when there is a validation split: its weighted cross-entropy. */
  validationLoss?: number;
}

export interface LinearTrainOptions {
  /** Default Adam; learning rate 0.01 for softmax regression, 0.003 for the MLP. */
  optimizer?: OptimizerConfig;
  /** L2 penalty on weights (not biases); the loss gains (l2 / 2) * sum(W^2). Default 1e-4. */
  l2?: number;
  /** Maximum number of passes over the training rows. Default 100. */
  epochs?: number;
  /** Rows per optimizer step. Default 128. */
  batchSize?: number;
  /** Seeds the split, the shuffles, the initial weights and the dropout masks. Default 0. */
  seed?: number;
  /** Fraction of every class held out for early stopping; 0 trains on all rows. Default 0.1. */
  validationFraction?: number;
  /**
   * Epochs without a validation improvement of at least `minDelta` before stopping. Default
   * 10: validation loss of clade softmax models wobbles for several epochs before it falls
   * again (bench/train: patience 5 stopped at epoch 9, 10 points of macro-F1 short).
   */
  patience?: number;
  minDelta?: number;
  /** Per-class loss weights, or `balanced` to weight classes by inverse frequency. */
  classWeights?: 'balanced' | ArrayLike<number>;
  /** onnxruntime intra-op threads. Default 1 (bit-reproducible). */
  threads?: number;
  signal?: AbortSignal;
  onProgress?: (progress: TrainProgress) => void;
}

export interface MlpTrainOptions extends LinearTrainOptions {
  /** Width of the hidden ReLU layer. Default 64. */
  hiddenUnits?: number;
  /** Probability of dropping a hidden unit during training. Default 0. */
  dropout?: number;
}

export interface EpochRecord {
  epoch: number;
  trainLoss: number;
  validationLoss?: number;
}

export interface TrainingHistory {
  epochs: EpochRecord[];
  /** The epoch whose parameters the model holds (best validation loss, else the last). */
  bestEpoch: number;
  stoppedEarly: boolean;
  steps: number;
  trainRows: number;
  validationRows: number;
}

export interface TrainResult {
  model: LinearModel;
  history: TrainingHistory;
}
