/** Worker thread: features, nearest exemplar and recombinant test for batches of sequences. */
import { workerData } from 'node:worker_threads';
import { serveWorkerRequests } from '../../jobs/worker-pool';
import {
  createBatchProcessor,
  type ClassifyBatchResult,
  type ClassifyWorkerData,
} from './classify-batch';

const processBatch = createBatchProcessor(workerData as ClassifyWorkerData);

serveWorkerRequests<string[], ClassifyBatchResult>(processBatch, true);
