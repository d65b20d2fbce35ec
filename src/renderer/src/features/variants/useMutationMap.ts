import { useEffect, useState } from 'react';
import type { MutationRow } from '../../../../shared/analysis-types';
import { api, errorMessage } from '../../api';
import type { MutationFilter } from './variants.store';

/** The map draws at most this many mutations: the most frequent ones. */
export const MAP_LIMIT = 5000;

export interface MutationMapData {
  rows: MutationRow[];
  /** Mutations matching the filter, drawn or not. */
  total: number;
}

/** The filtered mutations for the genome map, most frequent first, fetched apart from the table. */
export function useMutationMap(
  analysisId: number,
  filter: MutationFilter,
): { data: MutationMapData | null; error: string | null } {
  const [data, setData] = useState<MutationMapData | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    api
      .listMutations({
        analysisId,
        filter,
        sort: { column: 'count', direction: 'desc' },
        offset: 0,
        limit: MAP_LIMIT,
      })
      .then((page) => {
        if (!active) return;
        setData({ rows: page.rows, total: page.total });
        setError(null);
      })
      .catch((loadError: unknown) => {
        if (active) setError(errorMessage(loadError));
      });
    return () => {
      active = false;
    };
  }, [analysisId, filter]);

  return { data, error };
}
