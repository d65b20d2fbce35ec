import type { JobSnapshot } from '../../../../shared/types';
import type { ChainedRun } from './chained-run';
import { isFinished } from '../../app/jobs.store';
import { JobOutcomeNotice } from '../../ui/JobOutcomeNotice';
import { JobProgressView } from '../../ui/JobProgressView';
import { ProgressCard } from '../../ui/ProgressCard';
import { Notice } from '../../ui/Notice';

/** How the page names its run. */
export interface ChainedRunWords {
  what: 'Clustering' | 'Classification';
  /** Heading while the job itself runs. */
  running: string;
  /** Heading while the alignment it waits for runs. */
  aligning: string;
  /** Why it waits for that alignment. */
  alignmentNote: string;
}

interface ChainedRunStatusProps {
  run: ChainedRun | null;
  job: JobSnapshot | null;
  /** The alignment the job waits for, while it runs. */
  alignment: JobSnapshot | null;
  words: ChainedRunWords;
  onCancel(): void;
}

/** The dataset's latest run: progress while it runs, then how it ended if not plainly. */
export function ChainedRunStatus({ run, job, alignment, words, onCancel }: ChainedRunStatusProps) {
  if (!run) return null;
  if (run.phase === 'error') {
    return (
      <Notice tone="error" title={`Could not start the ${words.what.toLowerCase()}`}>
        <p>{run.error}</p>
      </Notice>
    );
  }
  if (run.phase === 'starting' || !job || !isFinished(job)) {
    const shown = alignment ?? job;
    return (
      <ProgressCard
        label={`${words.what} progress`}
        title={alignment ? words.aligning : words.running}
        cancelRequested={run.cancelRequested}
        cancelDisabled={!run.jobId}
        onCancel={onCancel}
      >
        {alignment && <p className="muted small">{words.alignmentNote}</p>}
        {shown ? <JobProgressView job={shown} /> : <p className="muted">Starting…</p>}
        {run.error && <p className="error-text">{run.error}</p>}
      </ProgressCard>
    );
  }
  return <JobOutcomeNotice job={job} what={words.what} />;
}
