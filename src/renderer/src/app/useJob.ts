import { useEffect } from 'react';
import type { JobSnapshot } from '../../../shared/types';
import { api } from '../api';
import { isFinished, useJobsStore } from './jobs.store';
import { receiveJobSnapshot } from './useJobEvents';

const POLL_MS = 2000;

/**
 * One job's latest snapshot. Events keep it current; a slow poll covers a dropped event
 * stream, so that a page never waits forever on a job that has ended.
 */
export function useJob(jobId: string | null): JobSnapshot | null {
  const job = useJobsStore((state) => (jobId ? (state.jobs[jobId] ?? null) : null));
  const finished = job ? isFinished(job) : false;

  useEffect(() => {
    if (!jobId || finished) return;
    let active = true;
    const poll = async () => {
      try {
        const snapshot = await api.getJob({ jobId });
        if (active) receiveJobSnapshot(snapshot);
      } catch {
        // The next tick tries again.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [jobId, finished]);

  return job;
}
