import type { ClassificationSummary, PredictionDetail } from '../../../../shared/classify-types';
import { usePredictionDetail } from './usePredictionDetail';
import { explainReason, formatConfidence, formatDistance, modelName } from './classify-labels';
import { formatCount } from '../../lib/format';
import { ConfidenceBar } from './ConfidenceBar';
import { DetailPanelHeader } from '../../ui/DetailPanelHeader';
import { Notice } from '../../ui/Notice';
import { SequenceResultView } from '../analysis/SequenceResultView';
import { StatusBadge } from './StatusBadge';
import { LoadError } from '../../ui/LoadError';
import { TreePlacementFacts } from './TreePlacementFacts';

interface PredictionDetailPanelProps {
  classification: ClassificationSummary;
  seqId: string;
  onClose(): void;
}

type Recombinant = NonNullable<PredictionDetail['recombinant']>;

/** The labels the model weighed, each against the run's threshold. */
function TopProbabilities({ detail, threshold }: { detail: PredictionDetail; threshold: number }) {
  return (
    <section className="stack-tight" aria-label="Top probabilities">
      <h3>Top probabilities</h3>
      {detail.top.length === 0 ? (
        <p className="muted small">The model did not run on this sequence.</p>
      ) : (
        <ul className="probability-list" aria-label="Top probabilities">
          {detail.top.map((entry) => (
            <li key={entry.label} className="probability-item">
              <span className="probability-label">{entry.label}</span>
              <ConfidenceBar confidence={entry.probability} threshold={threshold} />
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Labels need {formatConfidence(threshold)} to be assigned ·{' '}
        <span className="mono">{modelName(detail.model)}</span>
      </p>
    </section>
  );
}

/** The nearest labeled reference genome: the fallback label and how far it is. */
function NearestExemplar({ detail }: { detail: PredictionDetail }) {
  return (
    <section className="stack-tight" aria-label="Nearest exemplar">
      <h3>Nearest exemplar</h3>
      {detail.fallbackExemplar ? (
        <dl className="facts">
          <dt>Label</dt>
          <dd>{detail.fallbackLabel ?? '—'}</dd>
          <dt>Name</dt>
          <dd className="mono">{detail.fallbackExemplar}</dd>
          <dt>Distance</dt>
          <dd>
            {detail.fallbackDistance === null ? '—' : formatDistance(detail.fallbackDistance)}
          </dd>
        </dl>
      ) : (
        <p className="muted small">
          No labeled reference to compare with (the sequence did not align, or the model has no
          exemplars).
        </p>
      )}
    </section>
  );
}

/** A recombinant's parents and where one gives way to the other. */
function RecombinantFacts({ recombinant }: { recombinant: Recombinant }) {
  return (
    <section className="stack-tight" aria-label="Recombinant">
      <h3>Recombinant</h3>
      <dl className="facts">
        <dt>Parents</dt>
        <dd>{recombinant.parents.join(' and ')}</dd>
        <dt>Breakpoint</dt>
        <dd>
          at reference position {formatCount(recombinant.breakpoint)}, the first informative site
          from {recombinant.parents[1]}
        </dd>
      </dl>
    </section>
  );
}

/**
 * One sequence of a run: the labels the model weighed, the nearest labeled reference, a
 * recombinant's parents, and the QC and mutations of the analysis the run used.
 */
export function PredictionDetailPanel({
  classification,
  seqId,
  onClose,
}: PredictionDetailPanelProps) {
  const { detail, error } = usePredictionDetail(classification.id, seqId);
  const threshold = classification.confidenceThreshold;

  return (
    <section className="detail stack-tight" aria-label={`Prediction ${seqId}`}>
      <DetailPanelHeader name={seqId} onClose={onClose} />
      <LoadError what={seqId} error={error} />
      {!detail && !error && <p className="muted">Loading…</p>}
      {detail && (
        <>
          <div className="row">
            <StatusBadge status={detail.status} />
            {detail.label && <strong className="prediction-label">{detail.label}</strong>}
            <span className="muted">confidence {formatConfidence(detail.confidence)}</span>
          </div>
          {detail.status === 'unassigned' && (
            <Notice tone="warning" title="Why unassigned">
              <p>{explainReason(detail, threshold)}</p>
            </Notice>
          )}
          <TopProbabilities detail={detail} threshold={threshold} />
          <NearestExemplar detail={detail} />
          <TreePlacementFacts detail={detail} />
          {detail.recombinant && <RecombinantFacts recombinant={detail.recombinant} />}
          <section className="stack-tight call-section" aria-label="QC and mutations">
            <h3>QC and mutations</h3>
            {detail.analysisId !== null ? (
              <SequenceResultView analysisId={detail.analysisId} seqId={seqId} showQc />
            ) : (
              <p className="muted small">
                The analysis this run used has been deleted: its QC and mutations are gone.
              </p>
            )}
          </section>
        </>
      )}
    </section>
  );
}
