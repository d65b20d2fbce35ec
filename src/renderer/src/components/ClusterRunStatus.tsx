import type { JobSnapshot } from '../../../shared/types';
import type { ClusterRun } from '../stores/clusters.store';
import { isFinished } from '../stores/jobs.store';
import { JobOutcomeNotice } from './JobOutcomeNotice';
import { JobProgressView } from './JobProgressView';
import { Notice } from './Notice';

interface ClusterRunStatusProps {
  run: ClusterRun | null;
  job: JobSnapshot | null;
  /** The alignment the clustering waits for, while it runs. */
  alignment: JobSnapshot | null;
  onCancel(): void;
}

/** The dataset's latest clustering run: progress while it runs, then how it ended if not plainly. */
export function ClusterRunStatus({ run, job, alignment, onCancel }: ClusterRunStatusProps) {
  if (!run) return null;
  if (run.phase === 'error') {
    return (
      <Notice tone="error" title="Could not start the clustering">
        <p>{run.error}</p>
      </Notice>
    );
  }
  if (run.phase === 'starting' || !job || !isFinished(job)) {
    const shown = alignment ?? job;
    return (
      <section className="card stack" aria-label="Clustering progress">
        <div className="row row-between">
          <h2>{alignment ? 'Aligning the sequences first…' : 'Clustering…'}</h2>
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
            This dataset has no alignment yet: the clustering needs one for its defining mutations
            and QC mix, and starts when it is done.
          </p>
        )}
        {shown ? <JobProgressView job={shown} /> : <p className="muted">Starting…</p>}
        {run.error && <p className="error-text">{run.error}</p>}
      </section>
    );
  }
  return <JobOutcomeNotice job={job} what="Clustering" />;
}
