/**
 * What the predictions table asks for (filters as typed, sort) and which sequence is open.
 * Confidences are percentages here, fractions on the wire.
 */
import { create } from 'zustand';
import type { PredictionFilter, PredictionSortColumn } from '../../../../shared/classify-schemas';
import type { UnassignedReason } from '../../../../shared/classify-types';
import type { VerdictFilter } from '../qc/verdicts';

export interface PredictionSort {
  column: PredictionSortColumn;
  direction: 'asc' | 'desc';
}

export interface PredictionQuery {
  classificationId: number;
  filter: PredictionFilter;
  sort: PredictionSort;
}

export interface PredictionFilterDraft {
  label: string;
  status: 'assigned' | 'unassigned' | '';
  reason: UnassignedReason | '';
  minConfidencePercent: string;
  maxConfidencePercent: string;
  qcVerdict: VerdictFilter | '';
  idContains: string;
  recombinantOnly: boolean;
}

export const emptyPredictionFilter: PredictionFilterDraft = {
  label: '',
  status: '',
  reason: '',
  minConfidencePercent: '',
  maxConfidencePercent: '',
  qcVerdict: '',
  idContains: '',
  recombinantOnly: false,
};

/** A sequence of one run: a choice made on another run does not carry over. */
export interface PredictionRef {
  classificationId: number;
  seqId: string;
}

interface PredictionsState {
  filterDraft: PredictionFilterDraft;
  sort: PredictionSort;
  selected: PredictionRef | null;
  setFilterField<K extends keyof PredictionFilterDraft>(
    field: K,
    value: PredictionFilterDraft[K],
  ): void;
  /** The one-click filter: every unassigned sequence (again: every sequence). */
  toggleUnassigned(): void;
  /** The unassigned sequences of one reason, from the run's summary. */
  showReason(reason: UnassignedReason): void;
  /** The label's sequences (again: every label), from the label summary. */
  toggleLabel(label: string): void;
  clearFilter(): void;
  toggleSort(column: PredictionSortColumn): void;
  select(selected: PredictionRef | null): void;
}

export const usePredictionsStore = create<PredictionsState>()((set) => ({
  filterDraft: emptyPredictionFilter,
  sort: { column: 'ordinal', direction: 'asc' },
  selected: null,
  setFilterField: (field, value) =>
    set((state) => ({ filterDraft: { ...state.filterDraft, [field]: value } })),
  toggleUnassigned: () =>
    set((state) =>
      isUnassignedOnly(state.filterDraft)
        ? { filterDraft: emptyPredictionFilter }
        : { filterDraft: { ...emptyPredictionFilter, status: 'unassigned' } },
    ),
  showReason: (reason) =>
    set({ filterDraft: { ...emptyPredictionFilter, status: 'unassigned', reason } }),
  toggleLabel: (label) =>
    set((state) =>
      state.filterDraft.label === label && state.filterDraft.status === 'assigned'
        ? { filterDraft: emptyPredictionFilter }
        : { filterDraft: { ...emptyPredictionFilter, label, status: 'assigned' } },
    ),
  clearFilter: () => set({ filterDraft: emptyPredictionFilter }),
  toggleSort: (column) =>
    set((state) => ({
      sort:
        state.sort.column === column
          ? { column, direction: state.sort.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: column === 'confidence' ? 'desc' : 'asc' },
    })),
  select: (selected) => set({ selected }),
}));

/** The quick filter is on: unassigned sequences, nothing else narrowed. */
export function isUnassignedOnly(draft: PredictionFilterDraft): boolean {
  return (
    JSON.stringify(draft) === JSON.stringify({ ...emptyPredictionFilter, status: 'unassigned' })
  );
}

function parsePercent(text: string): number | undefined {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) return undefined;
  return Math.min(100, Math.max(0, value)) / 100;
}

/** The wire filter of the draft; empty fields are left out. */
export function predictionFilterFromDraft(draft: PredictionFilterDraft): PredictionFilter {
  const filter: PredictionFilter = {};
  if (draft.label) filter.label = draft.label;
  if (draft.status) filter.status = draft.status;
  if (draft.reason) filter.reason = draft.reason;
  const minConfidence = parsePercent(draft.minConfidencePercent);
  if (minConfidence !== undefined) filter.minConfidence = minConfidence;
  const maxConfidence = parsePercent(draft.maxConfidencePercent);
  if (maxConfidence !== undefined) filter.maxConfidence = maxConfidence;
  if (draft.qcVerdict) filter.qcVerdict = draft.qcVerdict;
  const text = draft.idContains.trim();
  if (text) filter.idContains = text;
  if (draft.recombinantOnly) filter.recombinant = true;
  return filter;
}
