import type { DatasetClassifyRun } from '../hooks/useClassifyRun';
import { isFinished } from '../stores/jobs.store';
import { JobOutcomeNotice } from './JobOutcomeNotice';
import { JobProgressView } from './JobProgressView';
import { Notice } from './Notice';

interface ClassifyRunStatusProps {
  status: DatasetClassifyRun;
  onCancel(): void;
}

/** The dataset's latest classification run: progress while it runs, then how it ended if not plainly. */
export function ClassifyRunStatus({ status, onCancel }: ClassifyRunStatusProps) {
  const { run, job, alignment } = status;
  if (!run) return null;
  if (run.phase === 'error') {
    return (
      <Notice tone="error" title="Could not start the classification">
        <p>{run.error}</p>
      </Notice>
    );
  }
  if (run.phase === 'starting' || !job || !isFinished(job)) {
    const shown = alignment ?? job;
    return (
      <section className="card stack" aria-label="Classification progress">
        <div className="row row-between">
          <h2>{alignment ? 'Aligning and checking QC first…' : 'Classifying…'}</h2>
          <button
            type="button"
            className="button button-danger"
            onClick={onCancel}
            disabled={run.cancelRequested || !run.jobId}
          >
            {run.cancelRequested ? 'Cancelling…' : 'Cancel'}
          </button>
        </div>
        {alignment && (
          <p className="muted small">
            This dataset has no alignment against the model&apos;s reference yet: classification
            needs its QC verdicts and mutations, and starts when it is done.
          </p>
        )}
        {shown ? <JobProgressView job={shown} /> : <p className="muted">Starting…</p>}
        {run.error && <p className="error-text">{run.error}</p>}
      </section>
    );
  }
  return <JobOutcomeNotice job={job} what="Classification" />;
}
