// Clusters one dataset off the main thread, on its own connection.
import { workerData } from 'node:worker_threads';
import { hostWorkerJob } from '../jobs/worker-job-host';
import { openRegistry } from '../registry/db';
import { clusterDataset } from './cluster-dataset';
import type { ClusterWorkerData } from './cluster-job';

const { dataDir, datasetId, params } = workerData as ClusterWorkerData;
const db = openRegistry(dataDir, { migrate: false });
await hostWorkerJob(
  (signal, report) => clusterDataset(db, datasetId, params, { signal, onProgress: report }),
  () => db.$client.close(),
);
