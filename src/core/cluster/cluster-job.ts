import type { JobContext } from '../jobs/job-manager';
import { runWorkerJob, type JobResultOf } from '../jobs/worker-job';
import type { ClusterWork, ClusterWorkerData } from './cluster.worker';

/** Runs a clustering in a worker thread (which featurizes on its own small pool). */
export function runClusterJob(
  data: Omit<ClusterWorkerData, 'jobId'>,
  ctx: JobContext,
): Promise<JobResultOf<ClusterWork>> {
  const workerData: ClusterWorkerData = { ...data, jobId: ctx.jobId };
  return runWorkerJob(import.meta.url, 'cluster.worker', workerData, ctx);
}
