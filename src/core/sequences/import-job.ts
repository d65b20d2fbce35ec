import type { ImportFilesInput } from '../../shared/schemas';
import type { JobContext } from '../jobs/job-manager';
import { runWorkerJob, type JobResultOf } from '../jobs/worker-job';
import type { ImportWork, ImportWorkerData } from './import.worker';
import { READER_RESOURCE_LIMITS } from './reader-limits';

/** Runs an import in a worker thread and relays its progress to the job. */
export function runImportJob(
  dataDir: string,
  input: ImportFilesInput,
  ctx: JobContext,
  maxRecordLength?: number,
): Promise<JobResultOf<ImportWork>> {
  const data: ImportWorkerData = { dataDir, input, jobId: ctx.jobId, maxRecordLength };
  return runWorkerJob(import.meta.url, 'import.worker', data, ctx, READER_RESOURCE_LIMITS);
}
