import type { ClusteringDetail, ClusteringSummary } from '../../../../shared/cluster-types';
import { useClusteringResult } from './useClusteringResult';
import { useClusterResultsStore } from './cluster-results.store';
import { useClusterViewStore, type ColorBy } from './cluster-view.store';
import { ClusterMetrics } from './ClusterMetrics';
import { ClusterPlotCard } from './ClusterPlotCard';
import { ClusterSummaryList } from './ClusterSummaryList';
import { LoadError } from '../../ui/LoadError';

/** A column chosen on another run (another dataset) that this run lacks colors by cluster. */
function colorByFor(
  colorBy: ColorBy,
  clustering: ClusteringSummary,
  detail: ClusteringDetail | null,
): ColorBy {
  if (colorBy.kind !== 'column' || colorBy.column === clustering.metrics.labelColumn) {
    return colorBy;
  }
  return detail?.metadataColumns.includes(colorBy.column) ? colorBy : { kind: 'cluster' };
}

/** One clustering: its metrics, the plot, and the summaries of its clusters. */
export function ClusteringView({ clustering }: { clustering: ClusteringSummary }) {
  const chosen = useClusterViewStore((state) => state.colorBy);
  const loadedDetail = useClusterResultsStore((state) => state.details[clustering.id] ?? null);
  const colorBy = colorByFor(chosen, clustering, loadedDetail);
  const result = useClusteringResult(clustering, colorBy);
  const { detail, points, error } = result;

  return (
    <>
      <ClusterMetrics clustering={clustering} />
      <LoadError what={`run #${clustering.id}`} error={error} />
      <div className="split has-detail cluster-split">
        <ClusterPlotCard
          clustering={clustering}
          detail={detail}
          result={result}
          colorBy={colorBy}
        />
        <aside className="side-panel">
          {detail ? (
            <ClusterSummaryList detail={detail} points={points} />
          ) : (
            <p className="muted">Loading the clusters…</p>
          )}
        </aside>
      </div>
    </>
  );
}
