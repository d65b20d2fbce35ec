/** One sequence's prediction (its top labels), fetched when opened; a few are kept. */
import { create } from 'zustand';
import type { PredictionDetail } from '../../../../shared/classify-types';
import { api, errorMessage } from '../../api';

const MAX_CACHED = 50;

export const predictionKey = (classificationId: number, seqId: string) =>
  `${classificationId}\t${seqId}`;

interface PredictionDetailsState {
  details: Record<string, PredictionDetail>;
  errors: Record<string, string>;
  load(classificationId: number, seqId: string): Promise<void>;
}

export const usePredictionDetailsStore = create<PredictionDetailsState>()((set, get) => ({
  details: {},
  errors: {},

  async load(classificationId, seqId) {
    const key = predictionKey(classificationId, seqId);
    if (get().details[key]) return;
    try {
      const detail = await api.getPrediction({ classificationId, seqId });
      set((state) => {
        // Insertion order is load order: the oldest goes first.
        const keys = Object.keys(state.details);
        const kept = keys.length >= MAX_CACHED ? keys.slice(keys.length - MAX_CACHED + 1) : keys;
        const details: Record<string, PredictionDetail> = {};
        for (const cachedKey of kept) details[cachedKey] = state.details[cachedKey]!;
        details[key] = detail;
        const { [key]: _cleared, ...errors } = state.errors;
        return { details, errors };
      });
    } catch (error) {
      set((state) => ({ errors: { ...state.errors, [key]: errorMessage(error) } }));
    }
  },
}));
