import { useSequenceResult } from '../hooks/useSequenceResult';
import { formatScore } from '../lib/format';
import { NearestReferenceView } from './NearestReferenceView';
import { Notice } from './Notice';
import { QcRuleList } from './QcRuleList';
import { SequenceCallsView } from './SequenceCallsView';
import { VerdictBadge } from './VerdictBadge';

interface SequenceDetailPanelProps {
  analysisId: number;
  seqId: string;
  /** With the QC rules and nearest reference (QC page), or the mutations alone (Variants). */
  showQc: boolean;
  highlight?: string | null;
  onClose(): void;
}

/** One sequence of an analysis: why it got its verdict, and what was called in it. */
export function SequenceDetailPanel({
  analysisId,
  seqId,
  showQc,
  highlight,
  onClose,
}: SequenceDetailPanelProps) {
  const { result, error } = useSequenceResult(analysisId, seqId);

  return (
    <section className="detail stack-tight" aria-label={`Sequence ${seqId}`}>
      <div className="detail-header">
        <h2 className="mono detail-title" title={seqId}>
          {seqId}
        </h2>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={`Close ${seqId}`}
          onClick={onClose}
        >
          ✕
        </button>
      </div>
      {error && (
        <p className="error-text" role="alert">
          Could not load {seqId}: {error}
        </p>
      )}
      {!result && !error && <p className="muted">Loading…</p>}
      {result && (
        <>
          <div className="row">
            <VerdictBadge verdict={result.verdict} />
            {result.overallScore !== null && (
              <span className="muted">
                overall score{' '}
                <strong className={`score score-${result.verdict ?? 'failed'}`}>
                  {formatScore(result.overallScore)}
                </strong>
              </span>
            )}
          </div>
          {result.failure && (
            <Notice tone="error" title="Did not align">
              <p>{result.failure}</p>
            </Notice>
          )}
          {showQc && result.rules.length > 0 && (
            <section className="stack-tight" aria-label="QC rules of the sequence">
              <h3>QC rules</h3>
              <QcRuleList rules={result.rules} />
            </section>
          )}
          {showQc && !result.failure && (
            <section className="stack-tight" aria-label="Nearest reference">
              <h3>Nearest reference</h3>
              <NearestReferenceView nearest={result.nearest} />
            </section>
          )}
          {result.calls && <SequenceCallsView calls={result.calls} highlight={highlight} />}
        </>
      )}
    </section>
  );
}
