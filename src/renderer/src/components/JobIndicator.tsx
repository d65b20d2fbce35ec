import { useShallow } from 'zustand/react/shallow';
import { fractionOf, formatCount } from '../lib/format';
import { selectActiveJobs, useJobsStore } from '../stores/jobs.store';
import { NavLink } from './NavLink';
import { ProgressBar } from './ProgressBar';

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
              <NavLink page="import" className="job-link" label={`${job.label}, ${job.status}`}>
                <ProgressBar
                  size="small"
                  label={job.label}
                  value={
                    job.status === 'queued'
                      ? null
                      : fractionOf(job.progress.done, job.progress.total)
                  }
                  detail={
                    job.status === 'queued'
                      ? 'queued'
                      : `${formatCount(job.progress.records)} records`
                  }
                />
              </NavLink>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
