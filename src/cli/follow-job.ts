/** Follows a job from the CLI: progress bar on stderr, Ctrl-C cancels (and rolls back). */
import type { VariantDeskCore } from '../core/variantdesk-core';
import type { JobSnapshot } from '../shared/types';
import { EXIT, exitCodeOfKind } from './exit-codes';
import { ProgressBar } from './progress-bar';

export async function followJob(
  core: VariantDeskCore,
  jobId: string,
  label: string,
  showProgress: boolean,
): Promise<JobSnapshot> {
  const bar = new ProgressBar(process.stderr, showProgress);
  const unsubscribe = core.onJobEvent(({ job }) => {
    if (job.id === jobId && job.status === 'running') bar.update(label, job.progress);
  });
  const onSignal = (): void => {
    process.stderr.write('\nCancelling: rolling back...\n');
    void core.call('cancelJob', { jobId });
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await core.waitForJob(jobId);
  } finally {
    unsubscribe();
    bar.done();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Exit code and message for a job that did not end well; null when it is done. */
export function jobFailure(
  job: JobSnapshot,
  what: string,
): { code: number; message: string } | null {
  if (job.status === 'cancelled')
    return { code: EXIT.cancelled, message: `${what} cancelled: nothing was saved.` };
  if (job.status !== 'done')
    return {
      code: exitCodeOfKind(job.errorKind),
      message: `${what} failed: ${job.error ?? 'unknown error'}`,
    };
  return null;
}
