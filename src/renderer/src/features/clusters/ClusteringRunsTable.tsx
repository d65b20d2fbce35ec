import type { ClusteringSummary } from '../../../../shared/cluster-types';
import { formatCount, formatDate } from '../../lib/format';
import { RunsTable, type RunColumn } from '../../ui/RunsTable';
import { bestRun, formatMetric } from './cluster-metrics';
import { describeEmbedding, describeFeatures, describeMethod } from './cluster-params';
import { useClusterResultsStore } from './cluster-results.store';
import { useClustersStore } from './clusters.store';

interface ClusteringRunsTableProps {
  clusterings: ClusteringSummary[];
  selectedId: number | null;
}

const metricColumns = [
  { key: 'silhouette', label: 'Silhouette' },
  { key: 'adjustedRandIndex', label: 'ARI' },
  { key: 'normalizedMutualInformation', label: 'NMI' },
] as const;

type MetricKey = (typeof metricColumns)[number]['key'];

const paramColumns: RunColumn<ClusteringSummary>[] = [
  {
    key: 'created',
    header: 'Created',
    cell: (clustering) => <td>{formatDate(clustering.createdAt)}</td>,
  },
  {
    key: 'features',
    header: 'Features',
    cell: (clustering) => <td title={clustering.featurizer}>{describeFeatures(clustering)}</td>,
  },
  {
    key: 'embedding',
    header: 'Embedding',
    cell: (clustering) => <td>{describeEmbedding(clustering.params)}</td>,
  },
  {
    key: 'method',
    header: 'Method',
    cell: (clustering) => <td>{describeMethod(clustering.params)}</td>,
  },
  {
    key: 'clusters',
    header: 'Clusters',
    className: 'numeric',
    cell: (clustering) => (
      <td className="numeric">
        {formatCount(clustering.clusterCount)}
        {clustering.noiseCount > 0 && (
          <span className="muted small"> +{formatCount(clustering.noiseCount)} noise</span>
        )}
      </td>
    ),
  },
];

/** The metric columns, each run's best in bold. */
function metricCells(best: Record<MetricKey, number | null>): RunColumn<ClusteringSummary>[] {
  return metricColumns.map(({ key, label }) => ({
    key,
    header: label,
    className: 'numeric',
    cell: (clustering) => (
      <td
        title={
          key === 'silhouette' || !clustering.metrics.labelColumn
            ? undefined
            : `Against “${clustering.metrics.labelColumn}”`
        }
        className={`numeric${best[key] === clustering.id ? ' is-best' : ''}`}
      >
        {formatMetric(clustering.metrics[key])}
      </td>
    ),
  }));
}

/** Every run of the dataset with its metrics side by side (the best of each in bold). */
export function ClusteringRunsTable({ clusterings, selectedId }: ClusteringRunsTableProps) {
  const selectClustering = useClustersStore((state) => state.selectClustering);
  const remove = useClustersStore((state) => state.remove);
  const forget = useClusterResultsStore((state) => state.forget);
  const best = Object.fromEntries(
    metricColumns.map(({ key }) => [key, bestRun(clusterings, key)]),
  ) as Record<MetricKey, number | null>;

  return (
    <RunsTable
      caption="Clustering runs"
      scrollClassName="runs-scroll"
      runs={clusterings}
      columns={[...paramColumns, ...metricCells(best)]}
      openVerb="Show"
      onOpen={(clustering) => selectClustering(clustering.datasetId, clustering.id)}
      pressed={(clustering) => clustering.id === selectedId}
      rowClassName={(clustering) => (clustering.id === selectedId ? 'is-selected' : undefined)}
      remove={remove}
      forget={forget}
    />
  );
}
