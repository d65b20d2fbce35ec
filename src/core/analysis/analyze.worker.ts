// Aligns, calls and scores one dataset off the main thread, on its own connection.
import { workerData } from 'node:worker_threads';
import { recordJobDone } from '../jobs/job-outcome';
import { hostWorkerJob } from '../jobs/worker-job-host';
import { openRegistry } from '../registry/db';
import { analyzeDataset } from './analyze-dataset';
import type { AnalyzeWorkerData } from './analysis-job';
import { AnalysisService } from './analysis-service';
import { PathogenCatalog } from '../pathogens/pathogen-catalog';

const { dataDir, pathogensDir, input, jobId } = workerData as AnalyzeWorkerData;
const db = openRegistry(dataDir, { migrate: false });
const catalog = new PathogenCatalog(pathogensDir);
// The job's result as the main thread reports it, read inside the uncommitted transaction.
const analyses = new AnalysisService(db, {
  summary: (id) => catalog.get(id).summary,
  reference: (id) => catalog.get(id).referenceSequence,
});
const onCommit = (analysisId: number): void =>
  recordJobDone(db.$client, jobId, { analysis: analyses.get(analysisId), reused: false });
await hostWorkerJob(
  (signal, report) => analyzeDataset(db, catalog, input, { signal, onProgress: report, onCommit }),
  () => db.$client.close(),
);
