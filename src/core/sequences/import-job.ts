import type { ImportFilesInput } from '../../shared/schemas';
import type { ImportReport } from '../../shared/types';
import type { JobContext } from '../jobs/job-manager';
import { runWorkerJob } from '../jobs/worker-job';
import { READER_RESOURCE_LIMITS } from './reader-limits';

export interface ImportWorkerData {
  dataDir: string;
  input: ImportFilesInput;
  jobId: string;
  /** Bases of one record beyond which it is refused; undefined: the reader's default. */
  maxRecordLength: number | undefined;
}

/** Runs an import in a worker thread and relays its progress to the job. */
export function runImportJob(
  dataDir: string,
  input: ImportFilesInput,
  ctx: JobContext,
  maxRecordLength?: number,
): Promise<ImportReport> {
  const data: ImportWorkerData = { dataDir, input, jobId: ctx.jobId, maxRecordLength };
  return runWorkerJob<ImportReport>(
    import.meta.url,
    'import.worker',
    data,
    ctx,
    READER_RESOURCE_LIMITS,
  );
}
