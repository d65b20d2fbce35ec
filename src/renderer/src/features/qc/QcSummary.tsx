import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { QcThresholds } from './QcThresholds';
import { ScoreHistogram } from './ScoreHistogram';
import { VerdictChips } from './VerdictChips';

/** Verdict counts (as filters), the score histogram, and the rules that decide verdicts. */
export function QcSummary({ analysis }: { analysis: AnalysisSummary }) {
  return (
    <section className="card qc-summary" aria-label="QC summary">
      <div className="stack-tight qc-summary-main">
        <VerdictChips analysis={analysis} />
        <ScoreHistogram bins={analysis.scoreHistogram} />
      </div>
      <QcThresholds lines={analysis.pathogen.qcThresholds} />
    </section>
  );
}
