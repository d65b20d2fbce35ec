// Parses, hashes and writes one import off the main thread, on its own connection.
import { workerData } from 'node:worker_threads';
import type { ImportFilesInput } from '../../shared/schemas';
import { recordJobDone } from '../jobs/job-outcome';
import type { JobWork } from '../jobs/worker-job';
import { hostWorkerJob } from '../jobs/worker-job-host';
import { openRegistry } from '../registry/db';
import { importDataset } from './import-dataset';

export interface ImportWorkerData {
  dataDir: string;
  input: ImportFilesInput;
  jobId: string;
  /** Bases of one record beyond which it is refused; undefined: the reader's default. */
  maxRecordLength: number | undefined;
}

const { dataDir, input, jobId, maxRecordLength } = workerData as ImportWorkerData;
const db = openRegistry(dataDir, { migrate: false });
const importFiles = ((signal, report) =>
  importDataset(db, input, {
    signal,
    onProgress: report,
    onCommit: (saved) => recordJobDone(db.$client, jobId, saved),
    maxRecordLength,
  })) satisfies JobWork;
await hostWorkerJob(importFiles, () => db.$client.close());

/** This worker's work: the result its job resolves to comes from it. */
export type ImportWork = typeof importFiles;
