// Aligns, calls and scores one dataset off the main thread, on its own connection.
import { workerData } from 'node:worker_threads';
import { hostWorkerJob } from '../jobs/worker-job-host';
import { openRegistry } from '../registry/db';
import { analyzeDataset } from './analyze-dataset';
import type { AnalyzeWorkerData } from './analysis-job';
import { PathogenCatalog } from './pathogen-catalog';

const { dataDir, pathogensDir, input } = workerData as AnalyzeWorkerData;
const db = openRegistry(dataDir, { migrate: false });
const catalog = new PathogenCatalog(pathogensDir);
await hostWorkerJob(
  (signal, report) => analyzeDataset(db, catalog, input, { signal, onProgress: report }),
  () => db.$client.close(),
);
