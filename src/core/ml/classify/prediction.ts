/** What classification reports per sequence. */

/** Why a sequence is unassigned. */
export type UnassignedReason = 'low-confidence' | 'not-aligned';

export interface Prediction {
  id: string;
  /** The model's label, or null when unassigned. */
  label: string | null;
  /** Calibrated probability of the most probable label (0 when the model could not run). */
  confidence: number;
  status: 'assigned' | 'unassigned';
  reason?: UnassignedReason;
  /** The aligner's reason when the sequence did not align. */
  detail?: string;
  /** The three most probable labels with their calibrated probabilities. */
  top: { label: string; probability: number }[];
  /** Nearest exemplar's label (N-aware mismatch distance), null without exemplars or alignment. */
  fallbackLabel: string | null;
  /** Its mismatches over the positions the query covers. */
  fallbackDistance: number | null;
  /** A two-parent mosaic explains the sequence much better than any single exemplar. */
  recombinant: null | {
    parents: [string, string];
    /** 1-based reference position of the first informative site from the second parent. */
    breakpoint: number;
  };
  model: string;
  modelVersion: string;
}

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
