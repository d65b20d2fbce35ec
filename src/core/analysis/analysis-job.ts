import type { z } from 'zod';
import type { analyzeDatasetInput } from '../../shared/analysis-schemas';
import type { JobContext } from '../jobs/job-manager';
import { runWorkerJob } from '../jobs/worker-job';

export interface AnalyzeWorkerData {
  dataDir: string;
  pathogensDir: string;
  input: z.output<typeof analyzeDatasetInput>;
  jobId: string;
}

/** Runs an analysis in a worker thread (which fans alignment out to its own pool). */
export function runAnalysisJob(
  data: Omit<AnalyzeWorkerData, 'jobId'>,
  ctx: JobContext,
): Promise<{ analysisId: number; reused: boolean }> {
  const workerData: AnalyzeWorkerData = { ...data, jobId: ctx.jobId };
  return runWorkerJob(import.meta.url, 'analyze.worker', workerData, ctx);
}
