import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { formatCount } from '../../lib/format';
import { verdictFilters, verdictLabels, type VerdictFilter } from './verdicts';
import { useQcStore } from './qc.store';

/** The count of each verdict, each a filter of the table (press again for all). */
export function VerdictChips({ analysis }: { analysis: AnalysisSummary }) {
  const verdict = useQcStore((state) => state.verdict);
  const toggleVerdict = useQcStore((state) => state.toggleVerdict);
  const counts: Record<VerdictFilter, number> = { ...analysis.qc, failed: analysis.failedCount };

  return (
    <div className="chips" role="group" aria-label="Verdicts">
      <button
        type="button"
        className="chip chip-all"
        aria-pressed={verdict === null}
        onClick={() => toggleVerdict(null)}
      >
        <span className="chip-label">All</span>
        <span className="chip-count">{formatCount(analysis.sequenceCount)}</span>
      </button>
      {verdictFilters.map((candidate) => (
        <button
          key={candidate}
          type="button"
          className={`chip chip-${candidate}`}
          aria-pressed={verdict === candidate}
          onClick={() => toggleVerdict(candidate)}
        >
          <span className="chip-dot" aria-hidden="true" />
          <span className="chip-label">{verdictLabels[candidate]}</span>
          <span className="chip-count">{formatCount(counts[candidate])}</span>
        </button>
      ))}
    </div>
  );
}
