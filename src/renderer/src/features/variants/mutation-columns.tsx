import type { MutationRow } from '../../../../shared/analysis-types';
import { formatCount } from '../../lib/format';
import type { MutationSortColumn } from './variants.store';
import { FrequencyBar } from './FrequencyBar';
import type { TableColumn } from '../../ui/table-column';

export type MutationColumn = TableColumn<MutationRow, MutationSortColumn>;

const kindLabels: Record<MutationRow['kind'], string> = {
  substitution: 'Substitution',
  deletion: 'Deletion',
  insertion: 'Insertion',
};

export const mutationColumns: MutationColumn[] = [
  {
    id: 'label',
    label: 'Mutation',
    sortKey: 'label',
    width: 156,
    mono: true,
    // The kind is the dot's colour (and its tooltip): the table stays narrow beside the panel.
    render: (row) => (
      <>
        <span
          className={`kind kind-${row.kind}`}
          role="img"
          aria-label={kindLabels[row.kind]}
          title={kindLabels[row.kind]}
        />
        <button type="button" className="button-link cell-button" title={row.label}>
          {row.label}
        </button>
      </>
    ),
  },
  {
    id: 'position',
    label: 'Position',
    sortKey: 'position',
    width: 90,
    numeric: true,
    render: (row) => formatCount(row.position),
  },
  {
    id: 'gene',
    label: 'Gene',
    sortKey: 'gene',
    width: 74,
    render: (row) => row.gene ?? <span className="muted">—</span>,
  },
  {
    id: 'aaChanges',
    label: 'Amino-acid changes',
    sortKey: null,
    width: 170,
    mono: true,
    render: (row) =>
      row.aaChanges.length > 0 ? (
        <span title={row.aaChanges.join(', ')}>{row.aaChanges.join(', ')}</span>
      ) : (
        <span className="muted">—</span>
      ),
  },
  {
    id: 'count',
    label: 'Count',
    title: 'Aligned sequences that carry it',
    sortKey: 'count',
    width: 78,
    numeric: true,
    render: (row) => formatCount(row.count),
  },
  {
    id: 'frequency',
    label: 'Frequency',
    title: 'Share of the aligned sequences that carry it',
    sortKey: null,
    width: 140,
    render: (row) => <FrequencyBar frequency={row.frequency} />,
  },
];
