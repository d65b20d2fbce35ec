import type { ClusterSummary } from '../../../../shared/cluster-types';
import { clusterColor, clusterName } from './cluster-colors';
import { formatCount, formatPercent } from '../../lib/format';
import { QcMixBar } from './QcMixBar';

/** Defining mutations and label counts shown per cluster; the rest are in the export. */
const SHOWN_MUTATIONS = 8;
const SHOWN_LABELS = 5;

interface ClusterSummaryItemProps {
  summary: ClusterSummary;
  picked: boolean;
  onPick(): void;
}

/** One cluster: size, medoid, majority label and purity, defining mutations, QC mix. */
export function ClusterSummaryItem({ summary, picked, onPick }: ClusterSummaryItemProps) {
  const name = clusterName(summary.cluster);
  return (
    <li className={`cluster-item${picked ? ' is-picked' : ''}`}>
      <button
        type="button"
        className="cluster-item-head"
        aria-pressed={picked}
        aria-label={`${name}, ${formatCount(summary.size)} sequences`}
        title={picked ? 'Click again to clear the pick' : 'Pick this cluster’s points'}
        onClick={onPick}
      >
        <span className="swatch" style={{ background: clusterColor(summary.cluster) }} />
        <span className="cluster-item-name">{name}</span>
        <span className="count-pill">{formatCount(summary.size)}</span>
      </button>
      <dl className="facts">
        <dt>Medoid</dt>
        <dd className="mono">{summary.medoidId}</dd>
        {summary.majorityLabel !== null && (
          <>
            <dt>Majority</dt>
            <dd>
              {summary.majorityLabel}
              {summary.purity !== null && (
                <span className="muted"> · {formatPercent(summary.purity, 0)} pure</span>
              )}
            </dd>
          </>
        )}
        {summary.labelCounts.length > 1 && (
          <>
            <dt>Labels</dt>
            <dd>
              {summary.labelCounts
                .slice(0, SHOWN_LABELS)
                .map((entry) => `${entry.label} ${formatCount(entry.count)}`)
                .join(' · ')}
              {summary.labelCounts.length > SHOWN_LABELS &&
                ` · +${summary.labelCounts.length - SHOWN_LABELS} more`}
            </dd>
          </>
        )}
      </dl>
      {summary.definingMutations.length > 0 && (
        <ul className="mutation-chips" aria-label={`Defining mutations of ${name}`}>
          {summary.definingMutations.slice(0, SHOWN_MUTATIONS).map((mutation) => (
            <li
              key={mutation.mutation}
              className="mutation-chip"
              title={`In ${formatPercent(mutation.presence, 0)} of the cluster, ${formatPercent(mutation.outside, 0)} of the other sequences`}
            >
              <span className="mono">{mutation.mutation}</span>
              <span className="muted"> {formatPercent(mutation.presence, 0)}</span>
            </li>
          ))}
        </ul>
      )}
      <QcMixBar mix={summary.qcMix} />
    </li>
  );
}
