/**
 * The worker side of `runWorkerJob`: runs `work` with a signal that the main thread can
 * abort, relays progress, and posts exactly one final reply.
 */
import { parentPort } from 'node:worker_threads';
import type { JobContext } from './job-manager';
import { serializeWorkerError } from './worker-host';
import type { WorkerJobReply, WorkerJobRequest } from './worker-job';

export async function hostWorkerJob<R>(
  work: (signal: AbortSignal, report: JobContext['report']) => Promise<R>,
  cleanup?: () => void,
): Promise<void> {
  const port = parentPort!;
  const controller = new AbortController();
  const post = (reply: WorkerJobReply<R>): void => port.postMessage(reply);
  port.on('message', (message: WorkerJobRequest) => {
    if (message.type === 'cancel')
      controller.abort(new DOMException('The job was cancelled', 'AbortError'));
  });
  try {
    const result = await work(controller.signal, (progress) =>
      post({ type: 'progress', progress }),
    );
    post({ type: 'done', result });
  } catch (error) {
    post(
      controller.signal.aborted
        ? { type: 'cancelled' }
        : { type: 'error', error: serializeWorkerError(error) },
    );
  } finally {
    cleanup?.();
    port.close();
  }
}
