import { ImportForm } from './ImportForm';
import { ImportSummary } from './ImportSummary';
import { JobProgressView } from '../../ui/JobProgressView';
import { ProgressCard } from '../../ui/ProgressCard';
import { Notice } from '../../ui/Notice';
import { UploadProgress } from './UploadProgress';
import { useJob } from '../../app/useJob';
import { isFinished } from '../../app/jobs.store';
import { useImportStore } from './import.store';

export function ImportPage() {
  const phase = useImportStore((state) => state.phase);
  const uploads = useImportStore((state) => state.uploads);
  const jobId = useImportStore((state) => state.jobId);
  const error = useImportStore((state) => state.error);
  const cancelRequested = useImportStore((state) => state.cancelRequested);
  const cancel = useImportStore((state) => state.cancel);
  const reset = useImportStore((state) => state.reset);
  const job = useJob(jobId);

  const running =
    phase === 'staging' ||
    phase === 'starting' ||
    (phase === 'tracking' && (!job || !isFinished(job)));
  const ended = phase === 'cancelled' || phase === 'error' || (job !== null && isFinished(job));

  return (
    <div className="page">
      <header className="page-header">
        <h1>Import</h1>
        <p className="muted">
          Sequences are read as a stream and checked record by record; invalid records are listed
          and left out. Nothing is saved unless the whole import completes.
        </p>
      </header>

      {phase === 'idle' && <ImportForm />}

      {running && (
        <ProgressCard
          label="Import progress"
          title={phase === 'staging' ? 'Uploading files…' : 'Importing…'}
          cancelRequested={cancelRequested}
          onCancel={() => void cancel()}
        >
          {phase === 'staging' && <UploadProgress uploads={uploads} />}
          {phase === 'starting' && <p className="muted">Starting the import…</p>}
          {phase === 'tracking' && job && <JobProgressView job={job} />}
          {phase === 'tracking' && !job && <p className="muted">Waiting for the job to start…</p>}
          {error && <p className="error-text">{error}</p>}
        </ProgressCard>
      )}

      {phase === 'cancelled' && <Notice tone="info" title="Import cancelled — nothing was saved" />}
      {phase === 'error' && (
        <Notice tone="error" title="Import failed">
          <p>{error}</p>
        </Notice>
      )}
      {job?.status === 'cancelled' && (
        <Notice tone="info" title="Import cancelled — nothing was saved" />
      )}
      {job?.status === 'failed' && (
        <Notice tone="error" title="Import failed — nothing was saved">
          <p>{job.error ?? 'The import stopped with an unknown error.'}</p>
        </Notice>
      )}
      {job?.status === 'done' && job.kind === 'import' && job.result && (
        <ImportSummary report={job.result} />
      )}

      {ended && (
        <div className="row">
          <button type="button" className="button button-primary" onClick={reset}>
            Import more files
          </button>
        </div>
      )}
    </div>
  );
}
