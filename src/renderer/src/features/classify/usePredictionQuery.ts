import { useEffect, useMemo } from 'react';
import type { PredictionFilter } from '../../../../shared/classify-schemas';
import { usePredictionPagesStore } from './prediction-pages.store';
import {
  predictionFilterFromDraft,
  usePredictionsStore,
  type PredictionQuery,
} from './predictions.store';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

const FILTER_DEBOUNCE_MS = 250;

/**
 * Keeps the predictions table's pages on the run, the filter (debounced) and sort;
 * returns the query, which the export sends as it is (the filtered rows, in table order).
 */
export function usePredictionQuery(classificationId: number): PredictionQuery {
  const draft = usePredictionsStore((state) => state.filterDraft);
  const sort = usePredictionsStore((state) => state.sort);
  const setQuery = usePredictionPagesStore((state) => state.setQuery);
  const debounced = useDebouncedValue(draft, FILTER_DEBOUNCE_MS);

  const filter = useMemo<PredictionFilter>(() => predictionFilterFromDraft(debounced), [debounced]);
  const query = useMemo<PredictionQuery>(
    () => ({ classificationId, filter, sort }),
    [classificationId, filter, sort],
  );

  useEffect(() => {
    setQuery(query);
  }, [query, setQuery]);

  return query;
}
