import type { ReactNode } from 'react';
import type { SequenceSortColumn } from '../../../shared/schemas';
import type { SequenceRow } from '../../../shared/types';
import { formatCount } from '../lib/format';

export interface SequenceColumn {
  id: string;
  label: string;
  /** The server-side sort key; metadata columns cannot be sorted. */
  sortKey: SequenceSortColumn | null;
  width: number;
  numeric: boolean;
  render(row: SequenceRow): ReactNode;
}

const fixedColumns: SequenceColumn[] = [
  {
    id: 'seqId',
    label: 'Sequence id',
    sortKey: 'seqId',
    width: 280,
    numeric: false,
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
