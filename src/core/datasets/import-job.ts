import type { ImportFilesInput } from '../../shared/schemas';
import type { ImportReport } from '../../shared/types';
import type { JobContext } from '../jobs/job-manager';
import { rebuildError, startWorker } from '../jobs/worker-host';
import type { ImportReply, ImportRequest, ImportWorkerData } from './import-messages';

/** How long a cancelled worker may take to roll back before it is terminated. */
const CANCEL_GRACE_MS = 10_000;

/** Runs an import in a worker thread and relays its progress to the job. */
export function runImportJob(
  dataDir: string,
  input: ImportFilesInput,
  ctx: JobContext,
): Promise<ImportReport> {
  const data: ImportWorkerData = { dataDir, input };
  const worker = startWorker(import.meta.url, 'import.worker', data);
  return new Promise<ImportReport>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      ctx.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = (): void => {
      worker.postMessage({ type: 'cancel' } satisfies ImportRequest);
      // Terminating mid-transaction is still safe: uncommitted WAL frames are discarded.
      setTimeout(() => void worker.terminate(), CANCEL_GRACE_MS).unref();
    };
    ctx.signal.addEventListener('abort', onAbort);
    worker.on('message', (reply: ImportReply) => {
      if (reply.type === 'progress') ctx.report(reply.progress);
      else if (reply.type === 'done') settle(() => resolve(reply.report));
      else if (reply.type === 'cancelled') settle(() => reject(ctx.signal.reason));
      else settle(() => reject(rebuildError(reply.error)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() =>
        ctx.signal.aborted
          ? reject(ctx.signal.reason)
          : reject(new Error(`import worker stopped (exit code ${code})`)),
      ),
    );
  });
}
