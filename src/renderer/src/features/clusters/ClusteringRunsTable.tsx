import type { ClusteringSummary } from '../../../../shared/cluster-types';
import { useRunDeletion } from '../../hooks/useRunDeletion';
import { bestRun, formatMetric } from './cluster-metrics';
import { describeEmbedding, describeFeatures, describeMethod } from './cluster-params';
import { formatCount, formatDate } from '../../lib/format';
import { useClusterResultsStore } from './cluster-results.store';
import { useClustersStore } from './clusters.store';
import { ConfirmDeleteButton } from '../../ui/ConfirmDeleteButton';

interface ClusteringRunsTableProps {
  clusterings: ClusteringSummary[];
  selectedId: number | null;
}

const metricColumns = [
  { key: 'silhouette', label: 'Silhouette' },
  { key: 'adjustedRandIndex', label: 'ARI' },
  { key: 'normalizedMutualInformation', label: 'NMI' },
] as const;

/** Every run of the dataset with its metrics side by side (the best of each in bold). */
export function ClusteringRunsTable({ clusterings, selectedId }: ClusteringRunsTableProps) {
  const selectClustering = useClustersStore((state) => state.selectClustering);
  const remove = useClustersStore((state) => state.remove);
  const forget = useClusterResultsStore((state) => state.forget);
  const { confirmingId, setConfirmingId, deleteError, confirmDelete } = useRunDeletion(
    remove,
    forget,
  );
  const best = Object.fromEntries(
    metricColumns.map(({ key }) => [key, bestRun(clusterings, key)]),
  ) as Record<(typeof metricColumns)[number]['key'], number | null>;

  return (
    <div className="stack-tight">
      {deleteError && (
        <p className="error-text" role="alert">
          {deleteError}
        </p>
      )}
      <div className="table-scroll runs-scroll">
        <table className="table table-interactive table-compact">
          <caption className="visually-hidden">Clustering runs</caption>
          <thead>
            <tr>
              <th scope="col">Run</th>
              <th scope="col">Created</th>
              <th scope="col">Features</th>
              <th scope="col">Embedding</th>
              <th scope="col">Method</th>
              <th scope="col" className="numeric">
                Clusters
              </th>
              {metricColumns.map(({ key, label }) => (
                <th key={key} scope="col" className="numeric">
                  {label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {clusterings.map((clustering) => (
              <tr
                key={clustering.id}
                className={clustering.id === selectedId ? 'is-selected' : undefined}
              >
                <th scope="row">
                  <button
                    type="button"
                    className="button-link"
                    aria-label={`Show run ${clustering.id}`}
                    aria-pressed={clustering.id === selectedId}
                    onClick={() => selectClustering(clustering.datasetId, clustering.id)}
                  >
                    #{clustering.id}
                  </button>
                </th>
                <td>{formatDate(clustering.createdAt)}</td>
                <td title={clustering.featurizer}>{describeFeatures(clustering)}</td>
                <td>{describeEmbedding(clustering.params)}</td>
                <td>{describeMethod(clustering.params)}</td>
                <td className="numeric">
                  {formatCount(clustering.clusterCount)}
                  {clustering.noiseCount > 0 && (
                    <span className="muted small">
                      {' '}
                      +{formatCount(clustering.noiseCount)} noise
                    </span>
                  )}
                </td>
                {metricColumns.map(({ key }) => (
                  <td
                    key={key}
                    title={
                      key === 'silhouette' || !clustering.metrics.labelColumn
                        ? undefined
                        : `Against “${clustering.metrics.labelColumn}”`
                    }
                    className={`numeric${best[key] === clustering.id ? ' is-best' : ''}`}
                  >
                    {formatMetric(clustering.metrics[key])}
                  </td>
                ))}
                <td className="actions">
                  <ConfirmDeleteButton
                    what={`run ${clustering.id}`}
                    confirming={confirmingId === clustering.id}
                    onRequest={() => setConfirmingId(clustering.id)}
                    onConfirm={() => void confirmDelete(clustering)}
                    onKeep={() => setConfirmingId(null)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
