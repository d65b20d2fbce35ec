import type { JobSnapshot } from '../../../../shared/types';
import { useClassifyStore, type ClassifyRun } from './classify.store';
import { isFinished } from '../../app/jobs.store';
import { useJob } from '../../app/useJob';

export interface DatasetClassifyRun {
  run: ClassifyRun | null;
  /** The run's classification job. */
  job: JobSnapshot | null;
  /** The alignment the classification waits for, while it runs (a dataset not yet analysed). */
  alignment: JobSnapshot | null;
  /** Starting, aligning or classifying. */
  running: boolean;
}

/** Follows the dataset's classification run and the alignment it may wait for. */
export function useClassifyRun(datasetId: number | null): DatasetClassifyRun {
  const run = useClassifyStore((state) => (datasetId ? state.runs[datasetId] : undefined));
  const job = useJob(run?.jobId ?? null);
  const alignment = useJob(run?.alignmentJobId ?? null);
  return {
    run: run ?? null,
    job,
    alignment: alignment && !isFinished(alignment) ? alignment : null,
    running: run !== undefined && run.phase !== 'error' && (!job || !isFinished(job)),
  };
}
