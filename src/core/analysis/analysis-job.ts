import type { JobContext } from '../jobs/job-manager';
import { runWorkerJob, type JobResultOf } from '../jobs/worker-job';
import type { AnalyzeWork, AnalyzeWorkerData } from './analyze.worker';

/** Runs an analysis in a worker thread (which fans alignment out to its own pool). */
export function runAnalysisJob(
  data: Omit<AnalyzeWorkerData, 'jobId'>,
  ctx: JobContext,
): Promise<JobResultOf<AnalyzeWork>> {
  const workerData: AnalyzeWorkerData = { ...data, jobId: ctx.jobId };
  return runWorkerJob(import.meta.url, 'analyze.worker', workerData, ctx);
}
