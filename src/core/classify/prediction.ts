/** What classification reports per sequence. */

export type { Prediction, UnassignedReason } from '../../shared/classify-types';

/**
 * One input sequence: a string, or its bytes (one per residue, as the readers normalize
 * them). Bytes keep large batches out of the JS heap: a 30 kb genome string that lives
 * until its window is classified is copied by every young-generation GC it survives.
 */
export interface SequenceInput {
  id: string;
  sequence: string | Uint8Array;
}

/** A SequenceInput's sequence as a string. */
export function sequenceText(sequence: string | Uint8Array): string {
  return typeof sequence === 'string'
    ? sequence
    : Buffer.from(sequence.buffer, sequence.byteOffset, sequence.length).toString('latin1');
}

export interface ClassifyProgress {
  done: number;
  total: number;
}

export interface ClassifyOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ClassifyProgress) => void;
}
