import { useShallow } from 'zustand/react/shallow';
import type { JobSnapshot } from '../../../shared/types';
import { fractionOf, formatCount, formatPercent } from '../lib/format';
import type { PageId } from './navigation.store';
import { selectActiveJobs, useJobsStore } from './jobs.store';
import { NavLink } from '../ui/NavLink';
import { ProgressBar } from '../ui/ProgressBar';

function jobDetail(job: JobSnapshot): string {
  if (job.status === 'queued') return 'queued';
  if (job.kind === 'import') return `${formatCount(job.progress.records)} records`;
  if (job.kind === 'cluster') {
    return job.progress.total > 0
      ? `${formatPercent(fractionOf(job.progress.done, job.progress.total), 0)} · ${job.progress.message}`
      : 'waiting…';
  }
  // An analysis or a classification knows its total once it has counted the sequences.
  return job.progress.total > 0
    ? `${formatCount(job.progress.done)} of ${formatCount(job.progress.total)} sequences`
    : 'preparing…';
}

const jobPages: Record<JobSnapshot['kind'], PageId> = {
  import: 'import',
  analysis: 'qc',
  cluster: 'clusters',
  classify: 'classify',
};

/** Jobs that are queued or running, visible from every page. */
export function JobIndicator() {
  const jobs = useJobsStore(useShallow(selectActiveJobs));
  return (
    <section className="job-indicator" aria-label="Running jobs">
      <h2 className="sidebar-heading">Jobs</h2>
      {jobs.length === 0 ? (
        <p className="muted small">No jobs running</p>
      ) : (
        <ul className="job-list">
          {jobs.map((job) => (
            <li key={job.id}>
              <NavLink
                page={jobPages[job.kind]}
                className="job-link"
                label={`${job.label}, ${job.status}`}
              >
                <ProgressBar
                  size="small"
                  label={job.label}
                  value={
                    job.status === 'queued' || job.progress.total === 0
                      ? null
                      : fractionOf(job.progress.done, job.progress.total)
                  }
                  detail={jobDetail(job)}
                />
              </NavLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
