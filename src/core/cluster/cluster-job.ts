import type { ClusterParams } from '../../shared/cluster-schemas';
import type { JobContext } from '../jobs/job-manager';
import { runWorkerJob } from '../jobs/worker-job';

export interface ClusterWorkerData {
  dataDir: string;
  datasetId: number;
  params: ClusterParams;
  jobId: string;
}

/** Runs a clustering in a worker thread (which featurizes on its own small pool). */
export function runClusterJob(
  data: Omit<ClusterWorkerData, 'jobId'>,
  ctx: JobContext,
): Promise<{ clusteringId: number }> {
  const workerData: ClusterWorkerData = { ...data, jobId: ctx.jobId };
  return runWorkerJob(import.meta.url, 'cluster.worker', workerData, ctx);
}
