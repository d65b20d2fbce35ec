import type { JobSnapshot } from '../../shared/types';
import type { JobManager } from './job-manager';

/**
 * Waits for a job this job depends on (an alignment a clustering or classification needs);
 * cancelling the waiting job cancels that one too.
 */
export async function waitForChainedJob(
  jobs: JobManager,
  jobId: string,
  signal: AbortSignal,
): Promise<JobSnapshot> {
  const cancel = (): void => void jobs.cancel(jobId);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    return await jobs.wait(jobId);
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}
