/** Worker thread: aligns batches of sequences against one pathogen (given as workerData). */
import { workerData } from 'node:worker_threads';
import type { AlignmentOutcome } from '../../../shared/analysis-types';
import { serveWorkerRequests } from '../../jobs/worker-pool';
import type { Pathogen } from '../../pathogens/types';
import { createAligner } from './aligner';

export interface AlignWorkerData {
  pathogen: Pathogen;
}

const aligner = createAligner((workerData as AlignWorkerData).pathogen);

const alignBatch = (sequences: string[]): AlignmentOutcome[] =>
  sequences.map((s) => aligner.align(s));

serveWorkerRequests(alignBatch);

/** This worker's handler: its pool's request and result types come from it. */
export type AlignWorker = typeof alignBatch;
