import { useEffect } from 'react';
import type { ClusteringSummary } from '../../../../shared/cluster-types';
import type { JobSnapshot } from '../../../../shared/types';
import { isFinished } from '../../app/jobs.store';
import { useClustersStore, type ClusterRun } from './clusters.store';
import { useJob } from '../../app/useJob';

export interface DatasetClusterings {
  clusterings: ClusteringSummary[];
  /** The clustering shown: the one chosen, else the newest. */
  clustering: ClusteringSummary | null;
  loading: boolean;
  error: string | null;
  run: ClusterRun | null;
  /** The run's clustering job. */
  job: JobSnapshot | null;
  /** The alignment the clustering waits for, while it runs (a dataset not yet analysed). */
  alignment: JobSnapshot | null;
}

/** Loads a dataset's clusterings and follows its run (and the alignment it may wait for). */
export function useClusterings(datasetId: number | null): DatasetClusterings {
  const list = useClustersStore((state) => (datasetId ? state.clusterings[datasetId] : undefined));
  const status = useClustersStore((state) => (datasetId ? state.status[datasetId] : undefined));
  const error = useClustersStore((state) => (datasetId ? state.errors[datasetId] : undefined));
  const selectedId = useClustersStore((state) =>
    datasetId ? state.selected[datasetId] : undefined,
  );
  const run = useClustersStore((state) => (datasetId ? state.runs[datasetId] : undefined));
  const loadClusterings = useClustersStore((state) => state.loadClusterings);
  const job = useJob(run?.jobId ?? null);
  const alignment = useJob(run?.alignmentJobId ?? null);

  useEffect(() => {
    if (datasetId) void loadClusterings(datasetId);
  }, [datasetId, loadClusterings]);

  const clusterings = list ?? [];
  return {
    clusterings,
    clustering:
      clusterings.find((candidate) => candidate.id === selectedId) ?? clusterings[0] ?? null,
    loading: status === undefined || status === 'loading',
    error: status === 'error' ? (error ?? 'unknown error') : null,
    run: run ?? null,
    job,
    alignment: alignment && !isFinished(alignment) ? alignment : null,
  };
}
