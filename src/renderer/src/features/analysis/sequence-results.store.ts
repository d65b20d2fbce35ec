/** One sequence's QC and calls, fetched when opened; a few are kept for going back and forth. */
import { create } from 'zustand';
import type { SequenceResult } from '../../../../shared/analysis-types';
import { api, errorMessage } from '../../api';

const MAX_CACHED = 50;

export const sequenceResultKey = (analysisId: number, seqId: string) => `${analysisId}\t${seqId}`;

interface SequenceResultsState {
  results: Record<string, SequenceResult>;
  errors: Record<string, string>;
  load(analysisId: number, seqId: string): Promise<void>;
}

export const useSequenceResultsStore = create<SequenceResultsState>()((set, get) => ({
  results: {},
  errors: {},

  async load(analysisId, seqId) {
    const key = sequenceResultKey(analysisId, seqId);
    if (get().results[key]) return;
    try {
      const result = await api.getSequenceResult({ analysisId, seqId });
      set((state) => {
        const keys = Object.keys(state.results);
        // Insertion order is load order: the oldest goes first.
        const kept = keys.length >= MAX_CACHED ? keys.slice(keys.length - MAX_CACHED + 1) : keys;
        const results: Record<string, SequenceResult> = {};
        for (const cachedKey of kept) results[cachedKey] = state.results[cachedKey]!;
        results[key] = result;
        const { [key]: _cleared, ...errors } = state.errors;
        return { results, errors };
      });
    } catch (error) {
      set((state) => ({ errors: { ...state.errors, [key]: errorMessage(error) } }));
    }
  },
}));
