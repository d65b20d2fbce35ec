import { useSequenceResult } from './useSequenceResult';
import { formatScore } from '../../lib/format';
import { NearestReferenceView } from './NearestReferenceView';
import { Notice } from '../../ui/Notice';
import { QcRuleList } from './QcRuleList';
import { SequenceCallsView } from './SequenceCallsView';
import { VerdictBadge } from '../qc/VerdictBadge';
import { LoadError } from '../../ui/LoadError';

interface SequenceResultViewProps {
  analysisId: number;
  seqId: string;
  /** With the QC rules and nearest reference, or the verdict and mutations alone. */
  showQc: boolean;
  highlight?: string | null;
}

/** One sequence of an analysis: its verdict and why, and what was called in it. */
export function SequenceResultView({
  analysisId,
  seqId,
  showQc,
  highlight,
}: SequenceResultViewProps) {
  const { result, error } = useSequenceResult(analysisId, seqId);

  if (error) return <LoadError what={seqId} error={error} />;
  if (!result) return <p className="muted">Loading…</p>;
  return (
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
  );
}
