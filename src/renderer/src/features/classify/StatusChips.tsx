import type { ClassificationSummary } from '../../../../shared/classify-types';
import { formatCount } from '../../lib/format';
import { emptyPredictionFilter, usePredictionsStore } from './predictions.store';

/** One-click filters: every sequence, the assigned ones, the unassigned ones (with why). */
export function StatusChips({ classification }: { classification: ClassificationSummary }) {
  const draft = usePredictionsStore((state) => state.filterDraft);
  const setFilterField = usePredictionsStore((state) => state.setFilterField);
  const clearFilter = usePredictionsStore((state) => state.clearFilter);
  const toggleUnassigned = usePredictionsStore((state) => state.toggleUnassigned);
  const unfiltered = JSON.stringify(draft) === JSON.stringify(emptyPredictionFilter);
  const onlyStatus = (status: 'assigned' | 'unassigned') =>
    JSON.stringify(draft) === JSON.stringify({ ...emptyPredictionFilter, status });

  return (
    <div className="chips" role="group" aria-label="Quick filters">
      <button
        type="button"
        className="chip chip-all"
        aria-pressed={unfiltered}
        onClick={clearFilter}
      >
        <span className="chip-label">All</span>
        <span className="chip-count">{formatCount(classification.sequenceCount)}</span>
      </button>
      <button
        type="button"
        className="chip chip-good"
        aria-pressed={onlyStatus('assigned')}
        onClick={() => {
          clearFilter();
          setFilterField('status', 'assigned');
        }}
      >
        <span className="chip-dot" aria-hidden="true" />
        <span className="chip-label">Assigned</span>
        <span className="chip-count">{formatCount(classification.assignedCount)}</span>
      </button>
      <button
        type="button"
        className="chip chip-mediocre"
        aria-pressed={onlyStatus('unassigned')}
        title="The sequences the model would not label, each with the reason"
        onClick={toggleUnassigned}
      >
        <span className="chip-dot" aria-hidden="true" />
        <span className="chip-label">Unassigned</span>
        <span className="chip-count">{formatCount(classification.unassignedCount)}</span>
      </button>
    </div>
  );
}
