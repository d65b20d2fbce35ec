import { useEffect } from 'react';
import type {
  ClusteringDetail,
  ClusteringSummary,
  ClusterPoints,
} from '../../../../shared/cluster-types';
import { columnKey, useClusterResultsStore } from './cluster-results.store';
import type { ColorBy } from './cluster-view.store';

export interface ClusteringResult {
  detail: ClusteringDetail | null;
  points: ClusterPoints | null;
  /** The label column's value per point, when the clustering compared with one. */
  labels: (string | null)[] | null;
  /** The colored-by column's value per point, once it has arrived. */
  colorValues: (string | null)[] | null;
  error: string | null;
}

/** A clustering's detail and points, and the metadata column the plot is colored by. */
export function useClusteringResult(
  clustering: ClusteringSummary,
  colorBy: ColorBy,
): ClusteringResult {
  const { id } = clustering;
  const labelColumn = clustering.metrics.labelColumn;
  const colorColumn = colorBy.kind === 'column' ? colorBy.column : null;
  const detail = useClusterResultsStore((state) => state.details[id] ?? null);
  const points = useClusterResultsStore((state) => state.points[id] ?? null);
  const labels = useClusterResultsStore((state) =>
    labelColumn ? (state.columns[columnKey(id, labelColumn)] ?? null) : null,
  );
  const colorValues = useClusterResultsStore((state) =>
    colorColumn ? (state.columns[columnKey(id, colorColumn)] ?? null) : null,
  );
  const error = useClusterResultsStore(
    (state) =>
      state.errors[`detail:${id}`] ??
      state.errors[`points:${id}`] ??
      (colorColumn ? state.errors[`column:${columnKey(id, colorColumn)}`] : undefined) ??
      null,
  );
  const loadDetail = useClusterResultsStore((state) => state.loadDetail);
  const loadPoints = useClusterResultsStore((state) => state.loadPoints);
  const loadColumn = useClusterResultsStore((state) => state.loadColumn);

  useEffect(() => {
    void loadDetail(id);
    void loadPoints(id, labelColumn);
  }, [id, labelColumn, loadDetail, loadPoints]);

  useEffect(() => {
    // The label column comes with the points; another column is fetched on its own.
    if (colorColumn && colorColumn !== labelColumn && points) void loadColumn(id, colorColumn);
  }, [id, colorColumn, labelColumn, points, loadColumn]);

  return { detail, points, labels, colorValues, error };
}
