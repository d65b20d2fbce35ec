import type { ClassificationSummary } from '../../../../shared/classify-types';
import { useOpenClassification } from './useOpenClassification';
import { formatConfidence, modelName } from '../classify/classify-labels';
import { formatDate } from '../../lib/format';
import { RunCountStats } from '../classify/RunCountStats';

interface ComparedRunCardProps {
  side: 'Left' | 'Right';
  classification: ClassificationSummary;
}

/** One side of a comparison: which run it is, and its counts. */
export function ComparedRunCard({ side, classification }: ComparedRunCardProps) {
  const openRun = useOpenClassification();

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
        <RunCountStats classification={classification} />
      </div>
    </section>
  );
}
