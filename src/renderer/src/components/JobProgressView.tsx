import type { JobSnapshot } from '../../../shared/types';
import { formatBytes, formatCount, formatEta, formatRate, fractionOf } from '../lib/format';
import { ProgressBar } from './ProgressBar';

/** A running import: one bar per file, one for the whole job with rate and time left. */
export function JobProgressView({ job }: { job: JobSnapshot }) {
  const { progress } = job;
  const queued = job.status === 'queued';
  return (
    <div className="stack">
      <ProgressBar
        label="Overall"
        value={queued ? null : fractionOf(progress.done, progress.total)}
        detail={
          queued
            ? 'waiting for the previous import'
            : `${formatCount(progress.records)} records · ${formatRate(progress.recordsPerSecond)} · ${formatEta(progress.etaSeconds)}`
        }
      />
      {progress.message && <p className="muted small">{progress.message}</p>}
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
    </div>
  );
}
