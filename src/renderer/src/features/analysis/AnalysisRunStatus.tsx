import type { JobSnapshot } from '../../../../shared/types';
import type { AnalysisRun } from './analysis.store';
import { isFinished } from '../../app/jobs.store';
import { JobOutcomeNotice } from '../../ui/JobOutcomeNotice';
import { JobProgressView } from '../../ui/JobProgressView';
import { ProgressCard } from '../../ui/ProgressCard';
import { Notice } from '../../ui/Notice';

interface AnalysisRunStatusProps {
  run: AnalysisRun | null;
  job: JobSnapshot | null;
  onCancel(): void;
}

/** The dataset's latest run: its progress while it runs, then how it ended if not plainly. */
export function AnalysisRunStatus({ run, job, onCancel }: AnalysisRunStatusProps) {
  if (!run) return null;
  if (run.phase === 'error') {
    return (
      <Notice tone="error" title="Could not start the analysis">
        <p>{run.error}</p>
      </Notice>
    );
  }
  if (run.phase === 'starting' || !job || !isFinished(job)) {
    return (
      <ProgressCard
        label="Analysis progress"
        title="Aligning and running QC…"
        cancelRequested={run.cancelRequested}
        cancelDisabled={!run.jobId}
        onCancel={onCancel}
      >
        {job ? <JobProgressView job={job} /> : <p className="muted">Starting the analysis…</p>}
        {run.error && <p className="error-text">{run.error}</p>}
      </ProgressCard>
    );
  }
  if (job.status === 'failed' || job.status === 'cancelled')
    return <JobOutcomeNotice job={job} what="Analysis" />;
  if (job.kind === 'analysis' && job.result?.reused) {
    return (
      <Notice tone="info" title="Already analysed">
        <p>
          This dataset was aligned to the same {job.result.analysis.pathogen.name} reference before;
          that analysis is shown. Re-run to align it again.
        </p>
      </Notice>
    );
  }
  return null;
}
