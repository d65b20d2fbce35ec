/**
 * What the QC table asks for (verdict, id text, the cluster-plot pick, sort) and which
 * sequence is open.
 */
import { create } from 'zustand';
import type { ListQcInput } from '../../../../shared/analysis-schemas';
import type { SeqSelection } from '../../lib/seq-selection';
import type { VerdictFilter } from './verdicts';

export type QcSortColumn = NonNullable<ListQcInput['sort']>['column'];
export type QcFilter = NonNullable<ListQcInput['filter']>;

export interface QcSort {
  column: QcSortColumn;
  direction: 'asc' | 'desc';
}

export interface QcQuery {
  analysisId: number;
  filter: QcFilter;
  sort: QcSort;
}

/** A sequence of one analysis: a choice made on another analysis does not carry over. */
export interface SequenceRef {
  analysisId: number;
  seqId: string;
}

interface QcState {
  verdict: VerdictFilter | null;
  idContains: string;
  sort: QcSort;
  selected: SequenceRef | null;
  /** Sequences picked on the cluster plot: the table shows only these (in their dataset). */
  seqSelection: SeqSelection | null;
  /** The same verdict again shows every verdict. */
  toggleVerdict(verdict: VerdictFilter | null): void;
  setIdContains(text: string): void;
  toggleSort(column: QcSortColumn): void;
  select(selected: SequenceRef | null): void;
  /** Shows exactly the picked sequences: the verdict and id filters are cleared. */
  showSelection(selection: SeqSelection): void;
  clearSelection(): void;
}

export const useQcStore = create<QcState>()((set) => ({
  verdict: null,
  idContains: '',
  sort: { column: 'ordinal', direction: 'asc' },
  selected: null,
  seqSelection: null,
  toggleVerdict: (verdict) =>
    set((state) => ({ verdict: state.verdict === verdict ? null : verdict })),
  setIdContains: (idContains) => set({ idContains }),
  toggleSort: (column) =>
    set((state) => ({
      sort:
        state.sort.column === column
          ? { column, direction: state.sort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: column === 'qcScore' ? 'desc' : 'asc' },
    })),
  select: (selected) => set({ selected }),
  showSelection: (seqSelection) => set({ seqSelection, verdict: null, idContains: '' }),
  clearSelection: () => set({ seqSelection: null }),
}));

export function qcFilter(
  verdict: VerdictFilter | null,
  idContains: string,
  seqIds: string[] | null = null,
): QcFilter {
  const filter: QcFilter = {};
  if (seqIds) filter.seqIds = seqIds;
  if (verdict) filter.verdict = verdict;
  const text = idContains.trim();
  if (text) filter.idContains = text;
  return filter;
}
