import type { ClassificationSummary } from '../../../../shared/classify-types';
import { formatCount, formatDate, formatDuration, formatPercent } from '../../lib/format';
import { RunsTable, type RunColumn } from '../../ui/RunsTable';
import { useClassificationsStore } from '../classify/classifications.store';
import { modelName } from '../classify/classify-labels';
import { ComparePickCell } from './ComparePickCell';
import { useComparisonStore } from './comparison.store';
import { useOpenClassification } from './useOpenClassification';

/** Labels shown per run; the rest are counted. */
const TOP_LABELS = 3;

function topLabels(classification: ClassificationSummary): string {
  const shown = classification.labelCounts
    .slice(0, TOP_LABELS)
    .map((entry) => `${entry.label} ${formatCount(entry.count)}`);
  const more = classification.labelCounts.length - shown.length;
  return shown.length === 0 ? '—' : `${shown.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

function unassignedShare(classification: ClassificationSummary): number {
  return classification.sequenceCount > 0
    ? classification.unassignedCount / classification.sequenceCount
    : 0;
}

const runColumns: RunColumn<ClassificationSummary>[] = [
  { key: 'dataset', header: 'Dataset', cell: (run) => <td>{run.datasetName}</td> },
  {
    key: 'model',
    header: 'Model',
    cell: (run) => <td className="mono">{modelName(run.model)}</td>,
  },
  {
    key: 'sequences',
    header: 'Sequences',
    className: 'numeric',
    cell: (run) => <td className="numeric">{formatCount(run.sequenceCount)}</td>,
  },
  {
    key: 'assigned',
    header: 'Assigned',
    className: 'numeric',
    cell: (run) => <td className="numeric">{formatCount(run.assignedCount)}</td>,
  },
  {
    key: 'unassigned',
    header: 'Unassigned',
    className: 'numeric',
    cell: (run) => (
      <td className="numeric">
        {formatCount(run.unassignedCount)}
        <span className="muted small"> ({formatPercent(unassignedShare(run))})</span>
      </td>
    ),
  },
  {
    key: 'labels',
    header: 'Top labels',
    cell: (run) => <td className="history-top-labels">{topLabels(run)}</td>,
  },
  { key: 'created', header: 'Created', cell: (run) => <td>{formatDate(run.createdAt)}</td> },
  {
    key: 'duration',
    header: 'Duration',
    className: 'numeric',
    cell: (run) => <td className="numeric">{formatDuration(run.durationMs)}</td>,
  },
];

/** The tick column: which runs are compared. */
function pickColumn(
  picked: ClassificationSummary[],
  classifications: ClassificationSummary[],
): RunColumn<ClassificationSummary> {
  return {
    key: 'pick',
    header: <span className="visually-hidden">Compare</span>,
    className: 'pick-cell',
    cell: (run) => (
      <ComparePickCell classification={run} picked={picked} classifications={classifications} />
    ),
  };
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

  return (
    <RunsTable
      caption="Classification runs"
      scrollClassName="history-scroll"
      runs={classifications}
      leadingColumns={picked ? [pickColumn(picked, classifications)] : []}
      columns={runColumns}
      openVerb="Open"
      onOpen={openRun}
      rowClassName={(run) =>
        `is-clickable${picked?.some((pick) => pick.id === run.id) ? ' is-selected' : ''}`
      }
      // The run's button is for keyboards; a click anywhere on the row does the same.
      rowOpens
      remove={remove}
      forget={forget}
    />
  );
}
