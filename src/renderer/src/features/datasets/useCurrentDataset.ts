import { useEffect } from 'react';
import type { DatasetSummary } from '../../../../shared/types';
import { useDatasetsStore } from './datasets.store';
import { useNavigationStore } from '../../app/navigation.store';

/**
 * The dataset the Sequences, QC and Variants pages show: the one chosen, or the newest when
 * none is, so that a page never opens empty while there are datasets.
 */
export function useCurrentDataset(): {
  datasets: DatasetSummary[];
  status: ReturnType<typeof useDatasetsStore.getState>['status'];
  dataset: DatasetSummary | null;
} {
  const datasets = useDatasetsStore((state) => state.datasets);
  const status = useDatasetsStore((state) => state.status);
  const refresh = useDatasetsStore((state) => state.refresh);
  const datasetId = useNavigationStore((state) => state.datasetId);
  const selectDataset = useNavigationStore((state) => state.selectDataset);
  const dataset = datasets.find((candidate) => candidate.id === datasetId) ?? null;

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    if (status === 'ready' && !dataset && datasets[0]) selectDataset(datasets[0].id);
  }, [status, dataset, datasets, selectDataset]);

  return { datasets, status, dataset };
}
