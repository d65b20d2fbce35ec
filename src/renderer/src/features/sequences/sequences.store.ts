/** What the Sequences table asks for: the filter as typed, the cluster-plot pick, the sort. */
import { create } from 'zustand';
import type { ListSequencesInput, SequenceSortColumn } from '../../../../shared/schemas';
import type { SeqSelection } from '../../lib/seq-selection';

export type SequenceFilter = NonNullable<ListSequencesInput['filter']>;

export interface SequenceSort {
  column: SequenceSortColumn;
  direction: 'asc' | 'desc';
}

/** Filter fields as the analyst typed them; percentages are 0–100 here, fractions on the wire. */
export interface FilterDraft {
  idContains: string;
  minLength: string;
  maxLength: string;
  maxNPercent: string;
  minGcPercent: string;
  maxGcPercent: string;
}

export const emptyFilterDraft: FilterDraft = {
  idContains: '',
  minLength: '',
  maxLength: '',
  maxNPercent: '',
  minGcPercent: '',
  maxGcPercent: '',
};

export const defaultSort: SequenceSort = { column: 'ordinal', direction: 'asc' };

interface SequencesState {
  filterDraft: FilterDraft;
  sort: SequenceSort;
  /** Sequences picked on the cluster plot: the table shows only these (in their dataset). */
  seqSelection: SeqSelection | null;
  setFilterField(field: keyof FilterDraft, value: string): void;
  /** Shows exactly the picked sequences: the typed filters are cleared. */
  showSelection(selection: SeqSelection): void;
  clearSelection(): void;
  clearFilter(): void;
  /** Same column flips the direction; a new column starts ascending. */
  toggleSort(column: SequenceSortColumn): void;
}

export const useSequencesStore = create<SequencesState>()((set) => ({
  filterDraft: emptyFilterDraft,
  sort: defaultSort,
  seqSelection: null,
  setFilterField: (field, value) =>
    set((state) => ({ filterDraft: { ...state.filterDraft, [field]: value } })),
  showSelection: (seqSelection) => set({ seqSelection, filterDraft: emptyFilterDraft }),
  clearSelection: () => set({ seqSelection: null }),
  clearFilter: () => set({ filterDraft: emptyFilterDraft }),
  toggleSort: (column) =>
    set((state) => ({
      sort:
        state.sort.column === column
          ? { column, direction: state.sort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: 'asc' },
    })),
}));

function parseCount(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? Math.floor(value) : undefined;
}

function parsePercent(text: string): number | undefined {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return undefined;
  return Math.min(100, Math.max(0, value)) / 100;
}

/** The wire filter: fields left empty or not numbers are left out. */
export function filterFromDraft(draft: FilterDraft): SequenceFilter {
  const filter: SequenceFilter = {};
  const idContains = draft.idContains.trim();
  if (idContains) filter.idContains = idContains;
  const minLength = parseCount(draft.minLength);
  if (minLength !== undefined) filter.minLength = minLength;
  const maxLength = parseCount(draft.maxLength);
  if (maxLength !== undefined) filter.maxLength = maxLength;
  const maxNFraction = parsePercent(draft.maxNPercent);
  if (maxNFraction !== undefined) filter.maxNFraction = maxNFraction;
  const minGcFraction = parsePercent(draft.minGcPercent);
  if (minGcFraction !== undefined) filter.minGcFraction = minGcFraction;
  const maxGcFraction = parsePercent(draft.maxGcPercent);
  if (maxGcFraction !== undefined) filter.maxGcFraction = maxGcFraction;
  return filter;
}
