import type { ClusteringSummary } from '../../../../shared/cluster-types';
import { formatMetric } from './cluster-metrics';
import { describeEmbedding, describeMethod } from './cluster-params';
import { formatCount, formatDuration, formatPercent } from '../../lib/format';
import { KScoreChart } from './KScoreChart';
import { Stat } from '../../ui/Stat';

/** Components of the explained variance listed one by one; the rest are summed. */
const LISTED_COMPONENTS = 3;

/** How good the shown clustering is: silhouette, agreement with the labels, k, variance. */
export function ClusterMetrics({ clustering }: { clustering: ClusteringSummary }) {
  const { metrics, params } = clustering;
  const variance = metrics.explainedVariance;
  const kept = variance.reduce((sum, share) => sum + share, 0);
  const chosenK = params.method === 'kmeans' ? clustering.clusterCount : null;

  return (
    <section className="card cluster-metrics" aria-label="Clustering metrics">
      <div className="stack-tight">
        <p className="small muted">
          Run #{clustering.id} · {clustering.featurizer} · {describeEmbedding(params)} ·{' '}
          {describeMethod(params)} · {formatCount(clustering.sequenceCount)} sequences ·{' '}
          {formatDuration(clustering.durationMs)}
        </p>
        <div className="stats">
          <Stat
            label="Clusters"
            value={
              <>
                {formatCount(clustering.clusterCount)}
                {clustering.noiseCount > 0 && (
                  <span className="stat-note"> + {formatCount(clustering.noiseCount)} noise</span>
                )}
              </>
            }
          />
          <Stat label="Silhouette" value={formatMetric(metrics.silhouette)} />
          <Stat label="ARI" value={formatMetric(metrics.adjustedRandIndex)} />
          <Stat label="NMI" value={formatMetric(metrics.normalizedMutualInformation)} />
        </div>
        <p className="small muted">
          {metrics.labelColumn
            ? `ARI and NMI compare the clusters with the “${metrics.labelColumn}” column.`
            : 'No label column to compare with: ARI and NMI need metadata labels.'}{' '}
          {params.method === 'kmeans' &&
            (params.k === undefined
              ? `k = ${clustering.clusterCount}, chosen by silhouette over ${params.kRange.min}–${params.kRange.max}.`
              : `k = ${params.k}, as asked.`)}
        </p>
        {variance.length > 0 && (
          <p className="small" aria-label="Explained variance">
            <span className="muted">Explained variance: </span>
            {variance.slice(0, LISTED_COMPONENTS).map((share, index) => (
              <span key={index} className="variance-item">
                PC{index + 1} {formatPercent(share)}
              </span>
            ))}
            <span className="variance-item">
              {variance.length} components {formatPercent(kept)}
            </span>
          </p>
        )}
      </div>
      {metrics.kScores && metrics.kScores.length > 1 && (
        <KScoreChart scores={metrics.kScores} chosenK={chosenK} />
      )}
    </section>
  );
}
