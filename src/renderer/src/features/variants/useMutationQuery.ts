import { useEffect, useMemo } from 'react';
import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { useMutationPagesStore } from './mutation-pages.store';
import {
  mutationFilterFromDraft,
  useVariantsStore,
  type MutationFilter,
  type MutationQuery,
} from './variants.store';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

const FILTER_DEBOUNCE_MS = 250;

/** Keeps the mutation table's pages on the filter (debounced) and sort; returns the filter. */
export function useMutationQuery(analysis: AnalysisSummary): MutationFilter {
  const draft = useVariantsStore((state) => state.filterDraft);
  const sort = useVariantsStore((state) => state.sort);
  const setQuery = useMutationPagesStore((state) => state.setQuery);
  const debounced = useDebouncedValue(draft, FILTER_DEBOUNCE_MS);
  const genes = analysis.pathogen.genes;

  const filter = useMemo(
    () =>
      mutationFilterFromDraft(
        debounced,
        genes.map((gene) => gene.name),
      ),
    [debounced, genes],
  );
  const query = useMemo<MutationQuery>(
    () => ({ analysisId: analysis.id, filter, sort }),
    [analysis.id, filter, sort],
  );

  useEffect(() => {
    setQuery(query);
  }, [query, setQuery]);

  return filter;
}
