import { useEffect, useMemo } from 'react';
import { useCarrierPagesStore } from '../qc/qc-pages.store';
import type { QcQuery } from '../qc/qc.store';

/** Points the carrier list at the sequences that carry `label` (none when null). */
export function useCarrierQuery(analysisId: number, label: string | null): void {
  const setQuery = useCarrierPagesStore((state) => state.setQuery);
  const query = useMemo<QcQuery | null>(
    () =>
      label
        ? { analysisId, filter: { mutation: label }, sort: { column: 'ordinal', direction: 'asc' } }
        : null,
    [analysisId, label],
  );
  useEffect(() => {
    setQuery(query);
  }, [query, setQuery]);
}
