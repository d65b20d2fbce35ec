// Aligns, calls and scores one dataset off the main thread, on its own connection.
import { workerData } from 'node:worker_threads';
import type { z } from 'zod';
import type { analyzeDatasetInput } from '../../shared/analysis-schemas';
import { recordJobDone } from '../jobs/job-outcome';
import type { JobWork } from '../jobs/worker-job';
import { hostWorkerJob } from '../jobs/worker-job-host';
import { openRegistry } from '../registry/db';
import { analyzeDataset } from './analyze-dataset';
import { AnalysisService } from './analysis-service';
import { PathogenCatalog } from '../pathogens/pathogen-catalog';

export interface AnalyzeWorkerData {
  dataDir: string;
  pathogensDir: string;
  /** The analyst's added pathogens (`<dataDir>/pathogens`), null for shipped ones only. */
  addedPathogensDir?: string | null;
  input: z.output<typeof analyzeDatasetInput>;
  jobId: string;
}

const { dataDir, pathogensDir, addedPathogensDir, input, jobId } = workerData as AnalyzeWorkerData;
const db = openRegistry(dataDir, { migrate: false });
const catalog = new PathogenCatalog(pathogensDir, addedPathogensDir ?? null);
// The job's result as the main thread reports it, read inside the uncommitted transaction.
const analyses = new AnalysisService(db, {
  summary: (id) => catalog.get(id).summary,
  reference: (id) => catalog.get(id).referenceSequence,
});
const onCommit = (analysisId: number): void =>
  recordJobDone(db.$client, jobId, { analysis: analyses.get(analysisId), reused: false });
const analyze = ((signal, report) =>
  analyzeDataset(db, catalog, input, { signal, onProgress: report, onCommit })) satisfies JobWork;
await hostWorkerJob(analyze, () => db.$client.close());

/** This worker's work: the result its job resolves to comes from it. */
export type AnalyzeWork = typeof analyze;
