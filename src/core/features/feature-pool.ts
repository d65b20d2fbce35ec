/**
 * A small pool of k-mer spectrum workers: a call is split into batches that go to whichever
 * worker is free; the rows come back assembled in input order.
 */
import { createWorkerPool, type WorkerPoolOf } from '../jobs/worker-pool';
import type { FeatureWorker } from './feature.worker';
import type { FeatureWorkerData } from './feature-messages';
import { parseFeaturizerConfig, type KmerFeaturizerConfigInput } from './featurizer-config';
import { packedTransferList, packSequences } from './packed-sequences';

export interface FeaturePool {
  /** Dimension of one row. */
  readonly dimension: number;
  /** Spectra of `sequences` as one row-major matrix, row i = sequence i. */
  featurize(sequences: string[]): Promise<Float32Array>;
  close(): Promise<void>;
}

export interface FeaturePoolOptions {
  threads?: number;
  /** Most sequences per message to a worker (smaller batches balance better). */
  batchSize?: number;
}

export function createFeaturePool(
  configInput: KmerFeaturizerConfigInput,
  options: FeaturePoolOptions = {},
): FeaturePool {
  // Validate here, so a bad config throws in the caller rather than killing the workers.
  const config = parseFeaturizerConfig(configInput);
  const threads = Math.max(1, options.threads ?? 2);
  const batchSize = Math.max(1, options.batchSize ?? 128);
  const data: FeatureWorkerData = { config };
  const pool: WorkerPoolOf<FeatureWorker> = createWorkerPool(
    import.meta.url,
    'feature.worker',
    data,
    threads,
  );
  let closed = false;
  const runBatch = (sequences: string[]): Promise<Float32Array> => {
    const packed = packSequences(sequences);
    return pool.run(packed, packedTransferList(packed));
  };

  return {
    dimension: config.dimension,
    async featurize(sequences: string[]): Promise<Float32Array> {
      if (closed) throw new Error('feature pool closed');
      const batches: Promise<Float32Array>[] = [];
      for (let start = 0; start < sequences.length; start += batchSize)
        batches.push(runBatch(sequences.slice(start, start + batchSize)));
      const parts = await Promise.all(batches);
      if (parts.length === 1) return parts[0]!;
      const matrix = new Float32Array(sequences.length * config.dimension);
      let offset = 0;
      for (const part of parts) {
        matrix.set(part, offset);
        offset += part.length;
      }
      return matrix;
    },
    async close(): Promise<void> {
      closed = true;
      await pool.close();
    },
  };
}
