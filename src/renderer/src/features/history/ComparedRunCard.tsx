import type { ClassificationSummary } from '../../../../shared/classify-types';
import { useOpenClassification } from './useOpenClassification';
import { formatConfidence, modelName } from '../classify/classify-labels';
import { formatCount, formatDate, formatPercent } from '../../lib/format';
import { Stat } from '../../ui/Stat';

interface ComparedRunCardProps {
  side: 'Left' | 'Right';
  classification: ClassificationSummary;
}

/** One side of a comparison: which run it is, and its counts. */
export function ComparedRunCard({ side, classification }: ComparedRunCardProps) {
  const openRun = useOpenClassification();
  const { sequenceCount, assignedCount, unassignedCount } = classification;
  const share = (count: number) => formatPercent(sequenceCount > 0 ? count / sequenceCount : 0);

  return (
    <section className="card compare-run" aria-label={`${side} run`}>
      <div className="row row-between">
        <h3 className="card-title">
          {side} · run #{classification.id}
        </h3>
        <button type="button" className="button-link small" onClick={() => openRun(classification)}>
          Open run #{classification.id}
        </button>
      </div>
      <dl className="facts">
        <dt>Dataset</dt>
        <dd>{classification.datasetName}</dd>
        <dt>Model</dt>
        <dd className="mono">{modelName(classification.model)}</dd>
        <dt>Created</dt>
        <dd>{formatDate(classification.createdAt)}</dd>
        <dt>Threshold</dt>
        <dd>{formatConfidence(classification.confidenceThreshold)} confidence</dd>
      </dl>
      <div className="stats stats-compact">
        <Stat label="Sequences" value={formatCount(sequenceCount)} />
        <Stat
          label="Assigned"
          tone="good"
          value={`${formatCount(assignedCount)} (${share(assignedCount)})`}
        />
        <Stat
          label="Unassigned"
          tone={unassignedCount > 0 ? 'warn' : 'default'}
          value={`${formatCount(unassignedCount)} (${share(unassignedCount)})`}
        />
      </div>
    </section>
  );
}
