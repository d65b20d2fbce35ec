import { useId } from 'react';
import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { formatCount, formatDate, formatDuration } from '../../lib/format';
import { useAnalysisStore } from './analysis.store';

interface AnalysisSummaryLineProps {
  analysis: AnalysisSummary;
  /** Every analysis of the dataset (one per reference), to choose from when several. */
  analyses: AnalysisSummary[];
}

/** Which reference the analysis shown used, how much aligned, and when. */
export function AnalysisSummaryLine({ analysis, analyses }: AnalysisSummaryLineProps) {
  const selectAnalysis = useAnalysisStore((state) => state.selectAnalysis);
  const selectId = useId();
  return (
    <div className="analysis-line" role="group" aria-label="Analysis">
      {analyses.length > 1 ? (
        <span className="row">
          <label htmlFor={selectId} className="muted">
            Aligned to
          </label>
          <select
            id={selectId}
            className="input input-inline"
            value={analysis.id}
            onChange={(event) => selectAnalysis(analysis.datasetId, Number(event.target.value))}
          >
            {analyses.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.pathogen.name}
              </option>
            ))}
          </select>
        </span>
      ) : (
        <span>
          <span className="muted">Aligned to</span>{' '}
          <strong className="pathogen-name">{analysis.pathogen.name}</strong>
        </span>
      )}
      <span>
        {formatCount(analysis.alignedCount)} of {formatCount(analysis.sequenceCount)} aligned
      </span>
      <span className={analysis.failedCount > 0 ? 'text-warn' : undefined}>
        {formatCount(analysis.failedCount)} failed
      </span>
      <span className="muted">
        took {formatDuration(analysis.durationMs)} · {formatDate(analysis.createdAt)}
      </span>
    </div>
  );
}
