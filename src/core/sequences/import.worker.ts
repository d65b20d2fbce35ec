// Parses, hashes and writes one import off the main thread, on its own connection.
import { workerData } from 'node:worker_threads';
import { recordJobDone } from '../jobs/job-outcome';
import { hostWorkerJob } from '../jobs/worker-job-host';
import { openRegistry } from '../registry/db';
import { importDataset } from './import-dataset';
import type { ImportWorkerData } from './import-job';

const { dataDir, input, jobId, maxRecordLength } = workerData as ImportWorkerData;
const db = openRegistry(dataDir, { migrate: false });
await hostWorkerJob(
  (signal, report) =>
    importDataset(db, input, {
      signal,
      onProgress: report,
      onCommit: (saved) => recordJobDone(db.$client, jobId, saved),
      maxRecordLength,
    }),
  () => db.$client.close(),
);
