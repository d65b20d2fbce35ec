/**
 * A small pool of alignment workers for one pathogen: batches go to whichever worker is
 * free, results come back in the order of the batch.
 */
import type { Worker } from 'node:worker_threads';
import type { AlignmentOutcome } from '../../shared/analysis-types';
import { rebuildError, startWorker } from '../jobs/worker-host';
import type { Pathogen } from '../reference/types';
import type { AlignWorkerData, AlignWorkerReply, AlignWorkerRequest } from './align.worker';

export interface AlignPool {
  /** Aligns a batch on the next free worker. */
  align(sequences: string[]): Promise<AlignmentOutcome[]>;
  close(): Promise<void>;
}

interface Task {
  request: AlignWorkerRequest;
  resolve: (outcomes: AlignmentOutcome[]) => void;
  reject: (error: Error) => void;
}

export function createAlignPool(pathogen: Pathogen, threads = 2): AlignPool {
  const data: AlignWorkerData = { pathogen };
  const queue: Task[] = [];
  const running = new Map<Worker, Task>();
  const idle: Worker[] = [];
  let nextId = 1;

  const dispatch = (): void => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      running.set(worker, task);
      worker.postMessage(task.request);
    }
  };
  let alive = Math.max(1, threads);
  const fail = (worker: Worker, error: Error): void => {
    running.get(worker)?.reject(error);
    running.delete(worker);
  };
  const retire = (worker: Worker, error: Error): void => {
    fail(worker, error);
    const at = idle.indexOf(worker);
    if (at >= 0) idle.splice(at, 1);
    alive -= 1;
    if (alive === 0) for (const task of queue.splice(0)) task.reject(error);
  };

  const workers = Array.from({ length: Math.max(1, threads) }, () => {
    const worker = startWorker(import.meta.url, 'align.worker', data);
    worker.on('message', (reply: AlignWorkerReply) => {
      const task = running.get(worker);
      running.delete(worker);
      idle.push(worker);
      if (reply.type === 'aligned') task?.resolve(reply.outcomes);
      else task?.reject(rebuildError(reply.error));
      dispatch();
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) =>
      retire(worker, new Error(`alignment worker stopped (exit code ${code})`)),
    );
    idle.push(worker);
    return worker;
  });

  return {
    align(sequences: string[]): Promise<AlignmentOutcome[]> {
      if (alive === 0) return Promise.reject(new Error('alignment pool closed'));
      return new Promise((resolve, reject) => {
        queue.push({ request: { type: 'align', id: nextId++, sequences }, resolve, reject });
        dispatch();
      });
    },
    async close(): Promise<void> {
      for (const task of queue.splice(0)) task.reject(new Error('alignment pool closed'));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
