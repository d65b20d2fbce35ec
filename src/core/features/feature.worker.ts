/** Worker thread: k-mer spectra for batches of sequences under one config (workerData). */
import { workerData } from 'node:worker_threads';
import { serveWorkerRequests } from '../jobs/worker-pool';
import { featurizeBatch, type FeatureWorkerData } from './feature-messages';
import { parseFeaturizerConfig } from './featurizer-config';
import type { PackedSequences } from './packed-sequences';

const config = parseFeaturizerConfig((workerData as FeatureWorkerData).config);

const featurize = (batch: PackedSequences): ReturnType<typeof featurizeBatch> =>
  featurizeBatch(config, batch);

serveWorkerRequests(featurize, true);

/** This worker's handler: its pool's request and result types come from it. */
export type FeatureWorker = typeof featurize;
