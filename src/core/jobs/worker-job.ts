/**
 * Runs one job in a worker thread: the worker posts progress and one final reply, and is
 * asked to stop (then terminated after a grace period) when the job is cancelled.
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { JobContext } from './job-manager';
import { rebuildError, startWorker, type SerializedWorkerError } from './worker-host';

/** How long a cancelled worker may take to roll back before it is terminated. */
const CANCEL_GRACE_MS = 10_000;

/** Main thread -> worker. */
export type WorkerJobRequest = { type: 'cancel' };

/** Worker -> main thread. */
export type WorkerJobReply<R> =
  | { type: 'progress'; progress: Parameters<JobContext['report']>[0] }
  | { type: 'done'; result: R }
  | { type: 'cancelled' }
  | { type: 'error'; error: SerializedWorkerError };

/**
 * A job worker's work, given to `hostWorkerJob`; its module writes it as
 * `const work = ((signal, report) => ...) satisfies JobWork` and exports `typeof work`.
 */
export type JobWork = (signal: AbortSignal, report: JobContext['report']) => Promise<unknown>;

/** What a job worker's work resolves to: the result its `done` message carries. */
export type JobResultOf<W extends JobWork> = Awaited<ReturnType<W>>;

export function runWorkerJob<R>(
  baseUrl: string,
  name: string,
  data: unknown,
  ctx: JobContext,
  resourceLimits?: ResourceLimits,
): Promise<R> {
  const worker = startWorker(baseUrl, name, data, resourceLimits);
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => {
      worker.postMessage({ type: 'cancel' } satisfies WorkerJobRequest);
      // Terminating mid-transaction is still safe: uncommitted WAL frames are discarded.
      setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
    };
    ctx.signal.addEventListener('abort', onAbort);
    worker.on('message', (reply: WorkerJobReply<R>) => {
      if (reply.type === 'progress') ctx.report(reply.progress);
      else if (reply.type === 'done') settle(() => resolve(reply.result));
      else if (reply.type === 'cancelled') settle(() => reject(ctx.signal.reason));
      else settle(() => reject(rebuildError(reply.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() =>
        ctx.signal.aborted
          ? reject(ctx.signal.reason)
          : reject(new Error(`${name} stopped unexpectedly (exit code ${code})`)),
      ),
    );
  });
}
