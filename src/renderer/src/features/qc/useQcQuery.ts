import { useEffect, useMemo } from 'react';
import { useQcPagesStore } from './qc-pages.store';
import { qcFilter, useQcStore, type QcQuery } from './qc.store';
import { selectionFor } from '../../lib/seq-selection';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';

const FILTER_DEBOUNCE_MS = 300;

/**
 * Keeps the QC table's pages on the analysis, verdict, id text (debounced), the sequences
 * picked on the cluster plot (when picked in this dataset) and sort.
 */
export function useQcQuery(analysisId: number, datasetId: number): void {
  const verdict = useQcStore((state) => state.verdict);
  const seqIds = useQcStore((state) => selectionFor(state.seqSelection, datasetId));
  const idContains = useQcStore((state) => state.idContains);
  const sort = useQcStore((state) => state.sort);
  const setQuery = useQcPagesStore((state) => state.setQuery);
  const debouncedId = useDebouncedValue(idContains, FILTER_DEBOUNCE_MS);

  const query = useMemo<QcQuery>(
    () => ({ analysisId, filter: qcFilter(verdict, debouncedId, seqIds), sort }),
    [analysisId, verdict, debouncedId, seqIds, sort],
  );

  useEffect(() => {
    setQuery(query);
  }, [query, setQuery]);
}
