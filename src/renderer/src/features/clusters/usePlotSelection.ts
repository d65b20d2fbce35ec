import { useCallback } from 'react';
import type { ClusteringSummary } from '../../../../shared/cluster-types';
import { useNavigationStore } from '../../app/navigation.store';
import { useQcStore } from '../qc/qc.store';
import { useSequencesStore } from '../sequences/sequences.store';
import { useClusterViewStore } from './cluster-view.store';
import type { ClusteringResult } from './useClusteringResult';

/**
 * The points picked on a clustering's plot: the pick of this run (null for another run's),
 * picking, and opening the picked sequences in the Sequences or QC page.
 */
export function usePlotSelection(
  clustering: ClusteringSummary,
  points: ClusteringResult['points'],
) {
  const selection = useClusterViewStore((state) => state.selection);
  const select = useClusterViewStore((state) => state.select);
  const selectionRevision = useClusterViewStore((state) => state.selectionRevision);
  const navigate = useNavigationStore((state) => state.navigate);
  const showInSequences = useSequencesStore((state) => state.showSelection);
  const showInQc = useQcStore((state) => state.showSelection);
  const picked = selection?.clusteringId === clustering.id ? selection : null;

  const onPick = useCallback(
    (indexes: number[] | null) =>
      select(
        indexes && indexes.length > 0
          ? { clusteringId: clustering.id, indexes, cluster: null }
          : null,
      ),
    [select, clustering.id],
  );

  const openIn = (page: 'sequences' | 'qc') => {
    if (!picked || !points) return;
    const pick = {
      datasetId: clustering.datasetId,
      seqIds: picked.indexes.map((index) => points.ids[index]!),
    };
    if (page === 'sequences') showInSequences(pick);
    else showInQc(pick);
    navigate(page, clustering.datasetId);
  };

  return { selection, selectionRevision, picked, onPick, openIn, clear: () => select(null) };
}
