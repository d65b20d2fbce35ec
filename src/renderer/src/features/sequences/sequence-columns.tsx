import type { SequenceSortColumn } from '../../../../shared/schemas';
import type { SequenceRow } from '../../../../shared/types';
import { formatCount } from '../../lib/format';
import type { TableColumn } from '../../ui/table-column';

/** Metadata columns cannot be sorted (sortKey null). */
export type SequenceColumn = TableColumn<SequenceRow, SequenceSortColumn>;

const fixedColumns: SequenceColumn[] = [
  {
    id: 'seqId',
    label: 'Sequence id',
    sortKey: 'seqId',
    width: 280,
    numeric: false,
    mono: true,
    render: (row) => row.seqId,
  },
  {
    id: 'length',
    label: 'Length',
    sortKey: 'length',
    width: 100,
    numeric: true,
    render: (row) => formatCount(row.length),
  },
  {
    id: 'nFraction',
    label: 'N %',
    sortKey: 'nFraction',
    width: 90,
    numeric: true,
    render: (row) => (row.nFraction * 100).toFixed(2),
  },
  {
    id: 'gcFraction',
    label: 'GC %',
    sortKey: 'gcFraction',
    width: 90,
    numeric: true,
    render: (row) => (row.gcFraction * 100).toFixed(1),
  },
  {
    id: 'ambiguousCount',
    label: 'Ambiguous',
    sortKey: 'ambiguousCount',
    width: 110,
    numeric: true,
    render: (row) => formatCount(row.ambiguousCount),
  },
];

/** The computed columns, then one per metadata column of the dataset. */
export function sequenceColumns(metadataColumns: string[]): SequenceColumn[] {
  return [
    ...fixedColumns,
    ...metadataColumns.map((name) => ({
      id: `metadata:${name}`,
      label: name,
      sortKey: null,
      width: 160,
      numeric: false,
      render: (row: SequenceRow) => row.metadata?.[name] ?? '',
    })),
  ];
}
