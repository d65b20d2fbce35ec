import type { ClassificationSummary, ComparedCall } from '../../../../shared/classify-types';
import type { Disagreement, DisagreementSortKey } from './classification-comparison';
import { modelName } from '../classify/classify-labels';
import { formatCount } from '../../lib/format';
import { CallLabel } from './CallLabel';
import { ConfidenceBar } from '../classify/ConfidenceBar';
import type { TableColumn } from '../../ui/table-column';

export type DisagreementColumn = TableColumn<Disagreement, DisagreementSortKey>;

interface DisagreementColumnsOptions {
  left: ClassificationSummary;
  right: ClassificationSummary;
  /** Opens the sequence in one run's Classify results. */
  onOpen(classification: ClassificationSummary, seqId: string): void;
}

/** The differing sequences' columns: each side's label (a button to that run) and confidence. */
export function disagreementColumns({
  left,
  right,
  onOpen,
}: DisagreementColumnsOptions): DisagreementColumn[] {
  const side = (
    name: 'Left' | 'Right',
    run: ClassificationSummary,
    callOf: (row: Disagreement) => ComparedCall,
  ): DisagreementColumn[] => [
    {
      id: `${name}-label`,
      label: `${name} label`,
      title: `Label in run #${run.id} (${modelName(run.model)}); a click opens the sequence there`,
      sortKey: name === 'Left' ? 'leftLabel' : 'rightLabel',
      width: 130,
      render: (row) => (
        <button
          type="button"
          className="button-link cell-button"
          title={`Open ${row.seqId} in run #${run.id}`}
          onClick={() => onOpen(run, row.seqId)}
        >
          <CallLabel label={callOf(row).label} />
        </button>
      ),
    },
    {
      id: `${name}-confidence`,
      label: `${name} confidence`,
      title: `Calibrated probability of the most probable label in run #${run.id}`,
      sortKey: name === 'Left' ? 'leftConfidence' : 'rightConfidence',
      width: 160,
      render: (row) => (
        <ConfidenceBar confidence={callOf(row).confidence} threshold={run.confidenceThreshold} />
      ),
    },
  ];

  return [
    {
      id: 'ordinal',
      label: '#',
      title: 'Order in the dataset',
      sortKey: 'ordinal',
      width: 60,
      numeric: true,
      render: (row) => formatCount(row.ordinal + 1),
    },
    {
      id: 'seqId',
      label: 'Sequence id',
      title: `A click opens the sequence in run #${left.id}`,
      sortKey: 'seqId',
      width: 200,
      mono: true,
      render: (row) => (
        <button
          type="button"
          className="button-link cell-button mono"
          title={`Open ${row.seqId} in run #${left.id}`}
          onClick={() => onOpen(left, row.seqId)}
        >
          {row.seqId}
        </button>
      ),
    },
    ...side('Left', left, (row) => row.left),
    ...side('Right', right, (row) => row.right),
  ];
}
