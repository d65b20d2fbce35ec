import type { ClassificationSummary } from '../../../../shared/classify-types';
import { formatConfidence } from './classify-labels';
import { formatCount } from '../../lib/format';
import { isUnassignedOnly, usePredictionsStore } from './predictions.store';

/**
 * Assigned sequences per label, most frequent first, and the unassigned ones as a last bar:
 * each bar a button that filters the table to it.
 */
export function LabelSummaryChart({ classification }: { classification: ClassificationSummary }) {
  const draft = usePredictionsStore((state) => state.filterDraft);
  const toggleLabel = usePredictionsStore((state) => state.toggleLabel);
  const toggleUnassigned = usePredictionsStore((state) => state.toggleUnassigned);
  const { labelCounts, unassignedCount } = classification;
  const maxCount = Math.max(1, unassignedCount, ...labelCounts.map((entry) => entry.count));
  const width = (count: number) => `${(count / maxCount) * 100}%`;

  return (
    <section className="label-summary" aria-label="Label summary">
      <h3 className="card-title">
        Labels <span className="muted small">assigned sequences per label</span>
      </h3>
      <ul className="label-bars">
        {labelCounts.map((entry) => (
          <li key={entry.label}>
            <button
              type="button"
              className="label-bar"
              aria-label={`${entry.label}: ${formatCount(entry.count)} sequences`}
              aria-pressed={draft.label === entry.label && draft.status === 'assigned'}
              title={`${entry.label}: ${formatCount(entry.count)} sequences, mean confidence ${formatConfidence(entry.meanConfidence)}. Click to show them.`}
              onClick={() => toggleLabel(entry.label)}
            >
              <span className="label-bar-name">{entry.label}</span>
              <span className="label-bar-track" aria-hidden="true">
                <span className="label-bar-fill" style={{ width: width(entry.count) }} />
              </span>
              <span className="label-bar-count">{formatCount(entry.count)}</span>
            </button>
          </li>
        ))}
        <li>
          <button
            type="button"
            className="label-bar is-unassigned"
            aria-label={`Unassigned: ${formatCount(unassignedCount)} sequences`}
            aria-pressed={isUnassignedOnly(draft)}
            title="Sequences the model would not label. Click to show them and why."
            onClick={toggleUnassigned}
          >
            <span className="label-bar-name">Unassigned</span>
            <span className="label-bar-track" aria-hidden="true">
              <span className="label-bar-fill" style={{ width: width(unassignedCount) }} />
            </span>
            <span className="label-bar-count">{formatCount(unassignedCount)}</span>
          </button>
        </li>
      </ul>
    </section>
  );
}
