import type { ClassificationSummary } from '../../../../shared/classify-types';
import { useOpenClassification } from './useOpenClassification';
import { useRunDeletion } from '../../hooks/useRunDeletion';
import { modelName } from '../classify/classify-labels';
import { formatCount, formatDate, formatDuration, formatPercent } from '../../lib/format';
import { useClassificationsStore } from '../classify/classifications.store';
import { useComparisonStore } from './comparison.store';
import { ComparePickCell } from './ComparePickCell';
import { ConfirmDeleteButton } from '../../ui/ConfirmDeleteButton';

/** Labels shown per run; the rest are counted. */
const TOP_LABELS = 3;

function topLabels(classification: ClassificationSummary): string {
  const shown = classification.labelCounts
    .slice(0, TOP_LABELS)
    .map((entry) => `${entry.label} ${formatCount(entry.count)}`);
  const more = classification.labelCounts.length - shown.length;
  return shown.length === 0 ? '—' : `${shown.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

interface ClassificationHistoryTableProps {
  classifications: ClassificationSummary[];
  /** Runs ticked for comparison; null when no dataset has two runs to compare. */
  picked: ClassificationSummary[] | null;
}

/**
 * Every run, newest first: a click opens it in the Classify page; it can be deleted, and
 * ticked to compare with another run of its dataset.
 */
export function ClassificationHistoryTable({
  classifications,
  picked,
}: ClassificationHistoryTableProps) {
  const remove = useClassificationsStore((state) => state.remove);
  const forget = useComparisonStore((state) => state.forget);
  const openRun = useOpenClassification();
  const { confirmingId, setConfirmingId, deleteError, confirmDelete } = useRunDeletion(
    remove,
    forget,
  );

  return (
    <div className="stack-tight">
      {deleteError && (
        <p className="error-text" role="alert">
          {deleteError}
        </p>
      )}
      <div className="table-scroll history-scroll">
        <table className="table table-interactive table-compact">
          <caption className="visually-hidden">Classification runs</caption>
          <thead>
            <tr>
              {picked && (
                <th scope="col" className="pick-cell">
                  <span className="visually-hidden">Compare</span>
                </th>
              )}
              <th scope="col">Run</th>
              <th scope="col">Dataset</th>
              <th scope="col">Model</th>
              <th scope="col" className="numeric">
                Sequences
              </th>
              <th scope="col" className="numeric">
                Assigned
              </th>
              <th scope="col" className="numeric">
                Unassigned
              </th>
              <th scope="col">Top labels</th>
              <th scope="col">Created</th>
              <th scope="col" className="numeric">
                Duration
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {classifications.map((classification) => (
              <tr
                key={classification.id}
                className={`is-clickable${picked?.some((run) => run.id === classification.id) ? ' is-selected' : ''}`}
                // The run's button is for keyboards; a click anywhere on the row does the same.
                onClick={() => openRun(classification)}
              >
                {picked && (
                  <ComparePickCell
                    classification={classification}
                    picked={picked}
                    classifications={classifications}
                  />
                )}
                <th scope="row">
                  <button
                    type="button"
                    className="button-link"
                    aria-label={`Open run ${classification.id}`}
                    onClick={() => openRun(classification)}
                  >
                    #{classification.id}
                  </button>
                </th>
                <td>{classification.datasetName}</td>
                <td className="mono">{modelName(classification.model)}</td>
                <td className="numeric">{formatCount(classification.sequenceCount)}</td>
                <td className="numeric">{formatCount(classification.assignedCount)}</td>
                <td className="numeric">
                  {formatCount(classification.unassignedCount)}
                  <span className="muted small">
                    {' '}
                    (
                    {formatPercent(
                      classification.sequenceCount > 0
                        ? classification.unassignedCount / classification.sequenceCount
                        : 0,
                    )}
                    )
                  </span>
                </td>
                <td className="history-top-labels">{topLabels(classification)}</td>
                <td>{formatDate(classification.createdAt)}</td>
                <td className="numeric">{formatDuration(classification.durationMs)}</td>
                <td className="actions" onClick={(event) => event.stopPropagation()}>
                  <ConfirmDeleteButton
                    what={`run ${classification.id}`}
                    confirming={confirmingId === classification.id}
                    onRequest={() => setConfirmingId(classification.id)}
                    onConfirm={() => void confirmDelete(classification)}
                    onKeep={() => setConfirmingId(null)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
