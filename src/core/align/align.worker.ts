/** Worker thread: aligns batches of sequences against one pathogen (given as workerData). */
import { parentPort, workerData } from 'node:worker_threads';
import type { AlignmentOutcome } from '../../shared/analysis-types';
import { serializeWorkerError, type SerializedWorkerError } from '../jobs/worker-host';
import type { Pathogen } from '../reference/types';
import { createAligner } from './aligner';

export interface AlignWorkerData {
  pathogen: Pathogen;
}

/** Main thread -> worker. */
export type AlignWorkerRequest = { type: 'align'; id: number; sequences: string[] };

/** Worker -> main thread. */
export type AlignWorkerReply =
  | { type: 'aligned'; id: number; outcomes: AlignmentOutcome[] }
  | { type: 'error'; id: number; error: SerializedWorkerError };

const aligner = createAligner((workerData as AlignWorkerData).pathogen);

parentPort!.on('message', (request: AlignWorkerRequest) => {
  let reply: AlignWorkerReply;
  try {
    reply = {
      type: 'aligned',
      id: request.id,
      outcomes: request.sequences.map((s) => aligner.align(s)),
    };
  } catch (error) {
    reply = { type: 'error', id: request.id, error: serializeWorkerError(error) };
  }
  parentPort!.postMessage(reply);
});
