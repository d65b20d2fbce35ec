/**
 * A run started from a page whose job may first wait for an alignment job it chained
 * (clustering, classification): its start and its cancel, shared by the stores that keep one
 * per dataset.
 */
import { api, errorMessage } from '../../api';

/** `starting` until the job exists; the job's own end is in the jobs store. */
export interface ChainedRun {
  phase: 'starting' | 'tracking' | 'error';
  jobId: string | null;
  /** The alignment the job waits for (a dataset not yet analysed). */
  alignmentJobId: string | null;
  error: string | null;
  cancelRequested: boolean;
}

const idle = { jobId: null, alignmentJobId: null, error: null, cancelRequested: false };

/** Starts the job, reporting each phase of the run through `setRun`. */
export async function startChainedRun(
  setRun: (run: ChainedRun) => void,
  start: () => Promise<{ jobId: string; alignmentJobId: string | null }>,
): Promise<void> {
  setRun({ phase: 'starting', ...idle });
  try {
    const { jobId, alignmentJobId } = await start();
    setRun({ phase: 'tracking', ...idle, jobId, alignmentJobId });
  } catch (error) {
    setRun({ phase: 'error', ...idle, error: errorMessage(error) });
  }
}

/** Cancels the jobs the run waits for, then the run's own job. */
export async function cancelChainedRun(
  run: ChainedRun | undefined,
  waitedFor: readonly string[],
  setRun: (run: ChainedRun) => void,
): Promise<void> {
  if (!run?.jobId) return;
  setRun({ ...run, cancelRequested: true });
  try {
    // The alignment first: the job waits for it and would otherwise go on waiting.
    for (const jobId of [...waitedFor, run.jobId]) await api.cancelJob({ jobId });
  } catch (error) {
    setRun({ ...run, error: errorMessage(error) });
  }
}
