/** A small pool of alignment workers for one pathogen; results keep the batch's order. */
import type { AlignmentOutcome } from '../../../shared/analysis-types';
import { createWorkerPool, type WorkerPoolOf } from '../../jobs/worker-pool';
import type { Pathogen } from '../../pathogens/types';
import type { AlignWorker, AlignWorkerData } from './align.worker';

export interface AlignPool {
  /** Aligns a batch on the next free worker. */
  align(sequences: string[]): Promise<AlignmentOutcome[]>;
  close(): Promise<void>;
}

export function createAlignPool(pathogen: Pathogen, threads = 2): AlignPool {
  const data: AlignWorkerData = { pathogen };
  const pool: WorkerPoolOf<AlignWorker> = createWorkerPool(
    import.meta.url,
    'align.worker',
    data,
    threads,
  );
  return { align: (sequences) => pool.run(sequences), close: () => pool.close() };
}
