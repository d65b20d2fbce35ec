import type {
  ClassificationDetail,
  ClassificationSummary,
} from '../../../../shared/classify-types';
import { unassignedReasons } from '../../../../shared/classify-types';
import { formatConfidence, modelName, reasonLabels } from './classify-labels';
import { formatCount, formatDate, formatDuration } from '../../lib/format';
import { usePredictionsStore } from './predictions.store';
import { ConfidenceHistogram } from './ConfidenceHistogram';
import { LabelSummaryChart } from './LabelSummaryChart';
import { Stat } from '../../ui/Stat';
import { RunCountStats } from './RunCountStats';

interface ClassificationOverviewProps {
  classification: ClassificationSummary;
  /** With the confidence histogram, once loaded. */
  detail: ClassificationDetail | null;
}

/** A run at a glance: its counts, why sequences are unassigned, its labels and confidences. */
export function ClassificationOverview({ classification, detail }: ClassificationOverviewProps) {
  const showReason = usePredictionsStore((state) => state.showReason);
  const reasons = unassignedReasons.filter(
    (reason) => classification.unassignedByReason[reason] > 0,
  );

  return (
    <section className="card classify-overview" aria-label="Classification summary">
      <div className="classify-overview-head">
        <div className="stats">
          <RunCountStats classification={classification} />
          <Stat label="Recombinant" value={formatCount(classification.recombinantCount)} />
        </div>
        <p className="muted small run-facts">
          Run #{classification.id} of <strong>{classification.datasetName}</strong> with{' '}
          <span className="mono">{modelName(classification.model)}</span> · confidence threshold{' '}
          {formatConfidence(classification.confidenceThreshold)} ·{' '}
          {formatDate(classification.createdAt)} · took {formatDuration(classification.durationMs)}
        </p>
        {reasons.length > 0 && (
          <p className="small unassigned-reasons">
            <span className="muted">Unassigned because of </span>
            {reasons.map((reason, index) => (
              <span key={reason}>
                {index > 0 && <span className="muted"> · </span>}
                <button
                  type="button"
                  className="button-link"
                  title={`Show the sequences unassigned because of ${reasonLabels[reason].toLowerCase()}`}
                  onClick={() => showReason(reason)}
                >
                  {reasonLabels[reason].toLowerCase()}:{' '}
                  {formatCount(classification.unassignedByReason[reason])}
                </button>
              </span>
            ))}
          </p>
        )}
      </div>
      <div className="classify-charts">
        <LabelSummaryChart classification={classification} />
        {detail ? (
          <ConfidenceHistogram
            bins={detail.confidenceHistogram}
            threshold={classification.confidenceThreshold}
          />
        ) : (
          <p className="muted">Loading the confidences…</p>
        )}
      </div>
    </section>
  );
}
