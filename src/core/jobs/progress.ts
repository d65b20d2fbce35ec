import type { JobProgress } from '../../shared/types';

export function emptyProgress(message = 'Waiting'): JobProgress {
  return {
    unit: 'sequences',
    done: 0,
    total: 0,
    records: 0,
    recordsPerSecond: 0,
    etaSeconds: null,
    message,
    files: [],
  };
}

/** Adds rate and ETA from the elapsed time; ETA once at least 2% and 0.5 s are behind us. */
export function withRates(progress: JobProgress, elapsedMs: number): JobProgress {
  const seconds = elapsedMs / 1000;
  const recordsPerSecond = seconds > 0 ? progress.records / seconds : 0;
  const fraction = progress.total > 0 ? progress.done / progress.total : 0;
  const etaSeconds =
    fraction >= 0.02 && seconds >= 0.5 && fraction < 1
      ? (seconds * (1 - fraction)) / fraction
      : null;
  return { ...progress, recordsPerSecond, etaSeconds };
}
