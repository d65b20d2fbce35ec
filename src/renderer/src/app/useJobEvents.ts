import { useEffect } from 'react';
import type { JobSnapshot } from '../../../shared/types';
import { api } from '../api';
import { useAnalysisStore } from '../features/analysis/analysis.store';
import { useClassificationsStore } from '../features/classify/classifications.store';
import { useClustersStore } from '../features/clusters/clusters.store';
import { useDatasetsStore } from '../features/datasets/datasets.store';
import { isFinished, useJobsStore } from './jobs.store';

/**
 * Records a snapshot from any source. A freshly finished import refreshes the datasets; a
 * freshly finished analysis, clustering or classification is added to its list.
 */
export function receiveJobSnapshot(job: JobSnapshot): void {
  const before = useJobsStore.getState().jobs[job.id];
  useJobsStore.getState().upsert(job);
  if (job.status !== 'done' || (before && isFinished(before))) return;
  if (job.kind === 'analysis') {
    if (job.result) useAnalysisStore.getState().receiveAnalysis(job.result.analysis);
  } else if (job.kind === 'cluster') {
    if (job.result) useClustersStore.getState().receiveClustering(job.result.clustering);
  } else if (job.kind === 'classify') {
    if (job.result) {
      useClassificationsStore.getState().receiveClassification(job.result.classification);
    }
  } else {
    void useDatasetsStore.getState().refresh();
  }
}

/** Keeps the jobs store current for the whole app: the list once, then every event. */
export function useJobEvents(): void {
  useEffect(() => {
    let active = true;
    const unsubscribe = api.onJobEvent(({ job }) => receiveJobSnapshot(job));
    api
      .listJobs({})
      .then((jobs) => {
        if (active) useJobsStore.getState().upsertMany(jobs);
      })
      .catch(() => {
        // The indicator stays empty until events arrive.
      });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);
}
