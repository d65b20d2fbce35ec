/** What classification reports per sequence. */

export type { Prediction, UnassignedReason } from '../../../shared/classify-types';

/** One input sequence. */
export interface SequenceInput {
  id: string;
  sequence: string;
}

export interface ClassifyProgress {
  done: number;
  total: number;
}

export interface ClassifyOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ClassifyProgress) => void;
}
