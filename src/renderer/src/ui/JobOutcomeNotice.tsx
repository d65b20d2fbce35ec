import type { JobSnapshot } from '../../../shared/types';
import { Notice } from './Notice';

/** The notice of a job that failed or was cancelled (it saved nothing); null otherwise. */
export function JobOutcomeNotice({
  job,
  what,
}: {
  job: JobSnapshot;
  what: 'Analysis' | 'Clustering' | 'Classification';
}) {
  if (job.status === 'failed')
    return (
      <Notice tone="error" title={`${what} failed — nothing was saved`}>
        <p>{job.error ?? `The ${what.toLowerCase()} stopped with an unknown error.`}</p>
      </Notice>
    );
  if (job.status === 'cancelled')
    return <Notice tone="info" title={`${what} cancelled — nothing was saved`} />;
  return null;
}
