/** How clustering metrics read: fixed decimals, a dash when there is nothing to show. */
import type { ClusteringSummary } from '../../../../shared/cluster-types';

export function formatMetric(value: number | null | undefined, digits = 3): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toFixed(digits);
}

type MetricKey = 'silhouette' | 'adjustedRandIndex' | 'normalizedMutualInformation';

/** The id of the run with the highest value of a metric, when at least two runs have one. */
export function bestRun(clusterings: ClusteringSummary[], metric: MetricKey): number | null {
  let best: ClusteringSummary | null = null;
  let counted = 0;
  for (const clustering of clusterings) {
    const value = clustering.metrics[metric];
    if (value === null || !Number.isFinite(value)) continue;
    counted += 1;
    if (!best || value > best.metrics[metric]!) best = clustering;
  }
  return counted >= 2 && best ? best.id : null;
}
