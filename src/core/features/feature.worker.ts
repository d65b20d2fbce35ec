/** Worker thread: k-mer spectra for batches of sequences under one config (workerData). */
import { workerData } from 'node:worker_threads';
import { serveWorkerRequests } from '../jobs/worker-pool';
import { featurizeBatch, type FeatureWorkerData } from './feature-messages';
import { parseFeaturizerConfig } from './featurizer-config';
import type { PackedSequences } from './packed-sequences';

const config = parseFeaturizerConfig((workerData as FeatureWorkerData).config);

serveWorkerRequests<PackedSequences, Float32Array>((batch) => featurizeBatch(config, batch), true);
