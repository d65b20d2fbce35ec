import type { JobSnapshot } from '../../../shared/types';
import { formatBytes, formatCount, formatEta, formatRate, fractionOf } from '../lib/format';
import { ProgressBar } from './ProgressBar';

/**
 * A running job: one bar for the whole job with counts, rate and time left, and for an
 * import one bar per file.
 */
export function JobProgressView({ job }: { job: JobSnapshot }) {
  const { progress } = job;
  const queued = job.status === 'queued';
  const analysis = job.kind === 'analysis';
  // An analysis counts its sequences before it aligns: no total yet, no fraction.
  const preparing = analysis && progress.total === 0;
  const counts =
    progress.unit === 'sequences'
      ? `${formatCount(progress.done)} of ${formatCount(progress.total)} sequences · ${formatRate(progress.recordsPerSecond, 'sequences')}`
      : `${formatCount(progress.records)} records · ${formatRate(progress.recordsPerSecond)}`;
  return (
    <div className="stack">
      <ProgressBar
        label={analysis ? 'Alignment and QC' : 'Overall'}
        value={queued || preparing ? null : fractionOf(progress.done, progress.total)}
        detail={
          queued
            ? `waiting for the previous ${analysis ? 'job' : 'import'}`
            : preparing
              ? 'preparing…'
              : `${counts} · ${formatEta(progress.etaSeconds)}`
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
