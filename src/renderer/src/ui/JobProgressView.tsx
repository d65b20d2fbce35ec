import type { JobSnapshot } from '../../../shared/types';
import {
  formatBytes,
  formatCount,
  formatEta,
  formatPercent,
  formatRate,
  fractionOf,
} from '../lib/format';
import { ProgressBar } from './ProgressBar';

const barLabels: Record<JobSnapshot['kind'], string> = {
  import: 'Overall',
  analysis: 'Alignment and QC',
  cluster: 'Clustering',
  classify: 'Classification',
};

function progressCounts({ progress }: JobSnapshot): string {
  if (progress.unit === 'sequences') {
    return `${formatCount(progress.done)} of ${formatCount(progress.total)} sequences · ${formatRate(progress.recordsPerSecond, 'sequences')}`;
  }
  if (progress.unit === 'steps') {
    // Steps are shares of a multi-stage job: the message names the stage and its count.
    const sequences =
      progress.records > 0 ? ` · ${formatCount(progress.records)} sequences featurized` : '';
    return `${formatPercent(fractionOf(progress.done, progress.total), 0)}${sequences}`;
  }
  return `${formatCount(progress.records)} records · ${formatRate(progress.recordsPerSecond)}`;
}

/**
 * A running job: one bar for the whole job with counts, rate and time left, and for an
 * import one bar per file.
 */
export function JobProgressView({ job }: { job: JobSnapshot }) {
  const { progress } = job;
  const queued = job.status === 'queued';
  // An analysis counts its sequences before it aligns, and a clustering may wait for an
  // alignment: no total yet, no fraction.
  const preparing = job.kind !== 'import' && progress.total === 0;
  return (
    <div className="stack">
      <ProgressBar
        label={barLabels[job.kind]}
        value={queued || preparing ? null : fractionOf(progress.done, progress.total)}
        detail={
          queued
            ? `waiting for the previous ${job.kind === 'import' ? 'import' : 'job'}`
            : preparing
              ? 'preparing…'
              : `${progressCounts(job)} · ${formatEta(progress.etaSeconds)}`
        }
      />
      {progress.message && <p className="muted small">{progress.message}</p>}
      {progress.files.length > 0 && (
        <div className="stack-tight">
          {progress.files.map((file) => (
            <ProgressBar
              key={file.name}
              size="small"
              label={file.name}
              value={fractionOf(file.bytesDone, file.bytesTotal)}
              detail={`${formatBytes(file.bytesDone)} of ${formatBytes(file.bytesTotal)} · ${formatCount(file.records)} records`}
            />
          ))}
        </div>
      )}
    </div>
  );
}
