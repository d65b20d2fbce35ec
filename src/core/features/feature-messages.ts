/** What a feature worker does with one batch: spectra whose buffer is transferred back. */
import type { Transferable } from 'node:worker_threads';
import type { KmerFeaturizerConfig, KmerFeaturizerConfigInput } from './featurizer-config';
import { kmerSpectraOfPacked } from './kmer-spectrum';
import type { PackedSequences } from './packed-sequences';

export interface FeatureWorkerData {
  config: KmerFeaturizerConfigInput;
}

/** Row-major spectra of a packed batch, one row per sequence, with its buffer to transfer. */
export function featurizeBatch(
  config: KmerFeaturizerConfig,
  sequences: PackedSequences,
): { result: Float32Array<ArrayBuffer>; transfer: Transferable[] } {
  const spectra = kmerSpectraOfPacked(sequences, config);
  return { result: spectra, transfer: [spectra.buffer] };
}
