/** Worker thread: features, nearest exemplar and recombinant test for batches of sequences. */
import type { PackedSequences } from '../features/packed-sequences';
import { serveWorkerRequestsAfterSetup } from '../jobs/worker-pool';
import {
  createBatchProcessor,
  type ClassifyBatchResult,
  type ClassifyWorkerData,
} from './classify-batch';

serveWorkerRequestsAfterSetup<ClassifyWorkerData, PackedSequences, ClassifyBatchResult>(
  createBatchProcessor,
  true,
);
