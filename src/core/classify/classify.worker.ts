/** Worker thread: features, alignment, exemplars and tree placement for batches of sequences. */
import { serveWorkerRequestsAfterSetup } from '../jobs/worker-pool';
import { createBatchProcessor, type BatchProcessor } from './classify-batch';

serveWorkerRequestsAfterSetup(createBatchProcessor, true);

/** This worker's handler: its pool's request and result types come from it. */
export type ClassifyWorker = BatchProcessor;
