/** What the mutation table asks for, and the mutation and sequence chosen from it. */
import { create } from 'zustand';
import type { ListMutationsInput } from '../../../../shared/analysis-schemas';
import type { MutationKind, MutationRow } from '../../../../shared/analysis-types';
import type { SequenceRef } from '../qc/qc.store';

export type MutationSortColumn = NonNullable<ListMutationsInput['sort']>['column'];
export type MutationFilter = NonNullable<ListMutationsInput['filter']>;

export interface MutationSort {
  column: MutationSortColumn;
  direction: 'asc' | 'desc';
}

export interface MutationQuery {
  analysisId: number;
  filter: MutationFilter;
  sort: MutationSort;
}

/** Filter fields as typed; frequencies are percentages here, fractions on the wire. */
export interface MutationFilterDraft {
  gene: string;
  kind: MutationKind | '';
  minPosition: string;
  maxPosition: string;
  minFrequencyPercent: string;
  maxFrequencyPercent: string;
  text: string;
}

export const emptyMutationFilter: MutationFilterDraft = {
  gene: '',
  kind: '',
  minPosition: '',
  maxPosition: '',
  minFrequencyPercent: '',
  maxFrequencyPercent: '',
  text: '',
};

/** A mutation of one analysis, with its row (aa changes, count) for the side panel. */
export interface MutationRef {
  analysisId: number;
  mutation: MutationRow;
}

interface VariantsState {
  filterDraft: MutationFilterDraft;
  sort: MutationSort;
  selectedMutation: MutationRef | null;
  selectedSequence: SequenceRef | null;
  setFilterField<K extends keyof MutationFilterDraft>(
    field: K,
    value: MutationFilterDraft[K],
  ): void;
  /** Clicking the gene already chosen shows every gene again. */
  toggleGene(gene: string): void;
  clearFilter(): void;
  toggleSort(column: MutationSortColumn): void;
  selectMutation(selected: MutationRef | null): void;
  selectSequence(selected: SequenceRef | null): void;
}

export const useVariantsStore = create<VariantsState>()((set) => ({
  filterDraft: emptyMutationFilter,
  sort: { column: 'position', direction: 'asc' },
  selectedMutation: null,
  selectedSequence: null,
  setFilterField: (field, value) =>
    set((state) => ({ filterDraft: { ...state.filterDraft, [field]: value } })),
  toggleGene: (gene) =>
    set((state) => ({
      filterDraft: { ...state.filterDraft, gene: state.filterDraft.gene === gene ? '' : gene },
    })),
  clearFilter: () => set({ filterDraft: emptyMutationFilter }),
  toggleSort: (column) =>
    set((state) => ({
      sort:
        state.sort.column === column
          ? { column, direction: state.sort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: column === 'count' ? 'desc' : 'asc' },
    })),
  // A new mutation closes the sequence opened from the previous one.
  selectMutation: (selectedMutation) => set({ selectedMutation, selectedSequence: null }),
  selectSequence: (selectedSequence) => set({ selectedSequence }),
}));

function parsePosition(text: string): number | undefined {
  const value = Number(text);
  return text.trim() !== '' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;
}

function parsePercent(text: string): number | undefined {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return undefined;
  return Math.min(100, Math.max(0, value)) / 100;
}

/** The wire filter; a gene the pathogen does not have (another analysis) is left out. */
export function mutationFilterFromDraft(
  draft: MutationFilterDraft,
  geneNames: string[],
): MutationFilter {
  const filter: MutationFilter = {};
  if (draft.gene && geneNames.includes(draft.gene)) filter.gene = draft.gene;
  if (draft.kind) filter.kind = draft.kind;
  const minPosition = parsePosition(draft.minPosition);
  if (minPosition !== undefined) filter.minPosition = minPosition;
  const maxPosition = parsePosition(draft.maxPosition);
  if (maxPosition !== undefined) filter.maxPosition = maxPosition;
  const minFrequency = parsePercent(draft.minFrequencyPercent);
  if (minFrequency !== undefined) filter.minFrequency = minFrequency;
  const maxFrequency = parsePercent(draft.maxFrequencyPercent);
  if (maxFrequency !== undefined) filter.maxFrequency = maxFrequency;
  const text = draft.text.trim();
  if (text) filter.labelContains = text;
  return filter;
}
