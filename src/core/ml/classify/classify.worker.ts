/** Worker thread: features, nearest exemplar and recombinant test for batches of sequences. */
import { serveWorkerRequestsAfterSetup } from '../../jobs/worker-pool';
import {
  createBatchProcessor,
  type ClassifyBatchResult,
  type ClassifyWorkerData,
} from './classify-batch';

serveWorkerRequestsAfterSetup<ClassifyWorkerData, string[], ClassifyBatchResult>(
  createBatchProcessor,
  true,
);
