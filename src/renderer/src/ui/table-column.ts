import type { ReactNode } from 'react';

/** One column of a virtualized table. */
export interface TableColumn<Row, SortKey extends string> {
  id: string;
  label: string;
  /** A longer name for the header's tooltip. */
  title?: string;
  /** The server-side sort key; null when the column cannot be sorted. */
  sortKey: SortKey | null;
  width: number;
  numeric?: boolean;
  mono?: boolean;
  render(row: Row): ReactNode;
}

export interface TableSort<SortKey extends string> {
  column: SortKey;
  direction: 'asc' | 'desc';
}
