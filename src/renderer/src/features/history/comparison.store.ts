/**
 * Two classification runs of one dataset compared: the runs ticked in History, and the
 * comparison shown. Kept here, not in the page, so that opening a sequence in Classify
 * and coming back finds the comparison where it was.
 */
import { create } from 'zustand';
import type { ClassificationComparison } from '../../../../shared/classify-types';
import { api, errorMessage } from '../../api';

/** Differing sequences listed (the contract's most); all of them are counted. */
export const COMPARISON_LIMIT = 10_000;

export interface ComparedPair {
  leftId: number;
  rightId: number;
}

interface ComparisonState {
  /** Runs ticked for comparison, in the order ticked; at most two. */
  picked: number[];
  /** The pair shown, left first; null while History lists the runs. */
  shown: ComparedPair | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  comparison: ClassificationComparison | null;
  error: string | null;
  /**
   * Ticks or unticks a run. `ticked` is what the table shows ticked: a run deleted since
   * (with its dataset, say) drops out of the ticks.
   */
  togglePick(classificationId: number, ticked: number[]): void;
  clearPicks(): void;
  /** A deleted run: no longer ticked, nor shown. */
  forget(classificationId: number): void;
  compare(pair: ComparedPair): Promise<void>;
  /** The same runs with the sides exchanged. */
  swap(): Promise<void>;
  /** Back to the list of runs; the ticks stay. */
  close(): void;
}

const samePair = (a: ComparedPair | null, b: ComparedPair) =>
  a?.leftId === b.leftId && a.rightId === b.rightId;

export const useComparisonStore = create<ComparisonState>()((set, get) => ({
  picked: [],
  shown: null,
  status: 'idle',
  comparison: null,
  error: null,

  togglePick: (classificationId, ticked) =>
    set(() => {
      if (ticked.includes(classificationId)) {
        return { picked: ticked.filter((id) => id !== classificationId) };
      }
      return { picked: ticked.length >= 2 ? ticked : [...ticked, classificationId] };
    }),

  clearPicks: () => set({ picked: [] }),

  forget: (classificationId) =>
    set((state) => {
      const picked = state.picked.filter((id) => id !== classificationId);
      const { shown } = state;
      const involved = shown?.leftId === classificationId || shown?.rightId === classificationId;
      return involved
        ? { picked, shown: null, status: 'idle', comparison: null, error: null }
        : { picked };
    }),

  async compare(pair) {
    set({ shown: pair, status: 'loading', comparison: null, error: null });
    try {
      const comparison = await api.compareClassifications({ ...pair, limit: COMPARISON_LIMIT });
      // A later compare (a swap, another pair) wins over a slow answer.
      if (samePair(get().shown, pair)) set({ status: 'ready', comparison });
    } catch (error) {
      if (samePair(get().shown, pair)) set({ status: 'error', error: errorMessage(error) });
    }
  },

  async swap() {
    const { shown } = get();
    if (shown) await get().compare({ leftId: shown.rightId, rightId: shown.leftId });
  },

  close: () => set({ shown: null, status: 'idle', comparison: null, error: null }),
}));
