import type { ClusteringDetail, ClusterPoints } from '../../../../shared/cluster-types';
import { useClusterViewStore } from './cluster-view.store';
import { ClusterSummaryItem } from './ClusterSummaryItem';

interface ClusterSummaryListProps {
  detail: ClusteringDetail;
  points: ClusterPoints | null;
}

/** The clusters of the shown run; clicking one picks its points on the plot. */
export function ClusterSummaryList({ detail, points }: ClusterSummaryListProps) {
  const selection = useClusterViewStore((state) => state.selection);
  const select = useClusterViewStore((state) => state.select);
  const pickedCluster = selection?.clusteringId === detail.id ? selection.cluster : null;

  const pick = (cluster: number) => {
    if (!points || pickedCluster === cluster) {
      select(null);
      return;
    }
    const indexes: number[] = [];
    points.assignments.forEach((assigned, index) => {
      if (assigned === cluster) indexes.push(index);
    });
    select({ clusteringId: detail.id, indexes, cluster });
  };

  return (
    <section className="cluster-summaries" aria-label="Cluster summaries">
      <h2 className="card-title">Clusters</h2>
      <ul className="cluster-list">
        {detail.clusters.map((summary) => (
          <ClusterSummaryItem
            key={summary.cluster}
            summary={summary}
            picked={pickedCluster === summary.cluster}
            onPick={() => pick(summary.cluster)}
          />
        ))}
      </ul>
    </section>
  );
}
