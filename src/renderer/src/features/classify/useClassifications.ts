import { useEffect, useMemo } from 'react';
import type {
  ClassificationDetail,
  ClassificationSummary,
} from '../../../../shared/classify-types';
import { useClassificationsStore } from './classifications.store';

export interface Classifications {
  /** Newest first; only the dataset's when a dataset is given. */
  classifications: ClassificationSummary[];
  /** The dataset's run shown: the one chosen, else the newest. */
  classification: ClassificationSummary | null;
  loading: boolean;
  error: string | null;
}

/** Loads every classification run (again) when a page that lists them opens. */
export function useClassifications(datasetId: number | null = null): Classifications {
  const all = useClassificationsStore((state) => state.classifications);
  const status = useClassificationsStore((state) => state.status);
  const error = useClassificationsStore((state) => state.error);
  const selectedId = useClassificationsStore((state) =>
    datasetId ? state.selected[datasetId] : undefined,
  );
  const loadClassifications = useClassificationsStore((state) => state.loadClassifications);

  useEffect(() => {
    void loadClassifications();
  }, [loadClassifications]);

  const classifications = useMemo(
    () => (datasetId ? all.filter((candidate) => candidate.datasetId === datasetId) : all),
    [all, datasetId],
  );
  return {
    classifications,
    classification:
      classifications.find((candidate) => candidate.id === selectedId) ??
      (datasetId ? (classifications[0] ?? null) : null),
    loading: status === 'idle' || status === 'loading',
    error: status === 'error' ? (error ?? 'unknown error') : null,
  };
}

/** One run's detail (its confidence histogram and QC counts), loaded on first use. */
export function useClassificationDetail(classificationId: number): {
  detail: ClassificationDetail | null;
  error: string | null;
} {
  const detail = useClassificationsStore((state) => state.details[classificationId] ?? null);
  const error = useClassificationsStore((state) => state.detailErrors[classificationId] ?? null);
  const loadDetail = useClassificationsStore((state) => state.loadDetail);

  useEffect(() => {
    void loadDetail(classificationId);
  }, [classificationId, loadDetail]);

  return { detail, error };
}
