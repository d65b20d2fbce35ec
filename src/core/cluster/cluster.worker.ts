// Clusters one dataset off the main thread, on its own connection.
import { workerData } from 'node:worker_threads';
import type { ClusterParams } from '../../shared/cluster-schemas';
import { recordJobDone } from '../jobs/job-outcome';
import type { JobWork } from '../jobs/worker-job';
import { hostWorkerJob } from '../jobs/worker-job-host';
import { openRegistry } from '../registry/db';
import { clusterDataset } from './cluster-dataset';
import { ClusteringService } from './clustering-service';

export interface ClusterWorkerData {
  dataDir: string;
  datasetId: number;
  params: ClusterParams;
  jobId: string;
}

const { dataDir, datasetId, params, jobId } = workerData as ClusterWorkerData;
const db = openRegistry(dataDir, { migrate: false });
const clusterings = new ClusteringService(db);
// The job's result as the main thread reports it, read inside the uncommitted transaction.
const onCommit = (clusteringId: number): void =>
  recordJobDone(db.$client, jobId, { clustering: clusterings.summary(clusteringId) });
const cluster = ((signal, report) =>
  clusterDataset(db, datasetId, params, {
    signal,
    onProgress: report,
    onCommit,
  })) satisfies JobWork;
await hostWorkerJob(cluster, () => db.$client.close());

/** This worker's work: the result its job resolves to comes from it. */
export type ClusterWork = typeof cluster;
