import { create } from 'zustand';
import type { JobSnapshot, JobStatus } from '../../../shared/types';

const terminal: ReadonlySet<JobStatus> = new Set(['done', 'failed', 'cancelled']);

export function isFinished(job: Pick<JobSnapshot, 'status'>): boolean {
  return terminal.has(job.status);
}

interface JobsState {
  jobs: Record<string, JobSnapshot>;
  /** Takes a snapshot from an event, a poll or the initial list. */
  upsert(job: JobSnapshot): void;
  upsertMany(jobs: JobSnapshot[]): void;
}

/** Snapshots may arrive out of order (a poll racing an event): never go back from an end. */
function newer(current: JobSnapshot | undefined, incoming: JobSnapshot): boolean {
  if (!current) return true;
  if (isFinished(current)) return false;
  return isFinished(incoming) || incoming.progress.done >= current.progress.done;
}

export const useJobsStore = create<JobsState>()((set) => ({
  jobs: {},
  upsert: (job) =>
    set((state) =>
      newer(state.jobs[job.id], job) ? { jobs: { ...state.jobs, [job.id]: job } } : state,
    ),
  upsertMany: (jobs) =>
    set((state) => {
      const next = { ...state.jobs };
      for (const job of jobs) if (newer(next[job.id], job)) next[job.id] = job;
      return { jobs: next };
    }),
}));

export function selectActiveJobs(state: JobsState): JobSnapshot[] {
  return Object.values(state.jobs).filter((job) => !isFinished(job));
}
