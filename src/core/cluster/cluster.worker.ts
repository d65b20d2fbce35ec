// Clusters one dataset off the main thread, on its own connection.
import { workerData } from 'node:worker_threads';
import { recordJobDone } from '../jobs/job-outcome';
import { hostWorkerJob } from '../jobs/worker-job-host';
import { openRegistry } from '../registry/db';
import { clusterDataset } from './cluster-dataset';
import type { ClusterWorkerData } from './cluster-job';
import { ClusteringService } from './clustering-service';

const { dataDir, datasetId, params, jobId } = workerData as ClusterWorkerData;
const db = openRegistry(dataDir, { migrate: false });
const clusterings = new ClusteringService(db);
// The job's result as the main thread reports it, read inside the uncommitted transaction.
const onCommit = (clusteringId: number): void =>
  recordJobDone(db.$client, jobId, { clustering: clusterings.summary(clusteringId) });
await hostWorkerJob(
  (signal, report) =>
    clusterDataset(db, datasetId, params, { signal, onProgress: report, onCommit }),
  () => db.$client.close(),
);
