/**
 * How the Clusters page is set: the parameter form as typed, what the plot is colored by,
 * and the points picked on it (by lasso, box, or a click on a cluster's summary).
 */
import { create } from 'zustand';
import { defaultDraft, type ClusterParamsDraft, type DraftField } from './cluster-params';

export type ColorBy = { kind: 'cluster' } | { kind: 'qc' } | { kind: 'column'; column: string };

export interface PlotSelection {
  clusteringId: number;
  /** Indexes into the clustering's points, ascending. */
  indexes: number[];
  /** The cluster whose summary was clicked, when the pick is a whole cluster. */
  cluster: number | null;
}

interface ClusterViewState {
  draft: ClusterParamsDraft;
  colorBy: ColorBy;
  selection: PlotSelection | null;
  /**
   * Counts picks made off the plot (a cluster's summary clicked, a pick cleared): the plot
   * then drops its own lasso or box, which it otherwise keeps across redraws.
   */
  selectionRevision: number;
  setDraftField<F extends DraftField>(field: F, value: ClusterParamsDraft[F]): void;
  resetDraft(): void;
  setColorBy(colorBy: ColorBy): void;
  select(selection: PlotSelection | null): void;
}

export const useClusterViewStore = create<ClusterViewState>()((set) => ({
  draft: defaultDraft,
  colorBy: { kind: 'cluster' },
  selection: null,
  selectionRevision: 0,
  setDraftField: (field, value) => set((state) => ({ draft: { ...state.draft, [field]: value } })),
  resetDraft: () => set({ draft: defaultDraft }),
  setColorBy: (colorBy) => set({ colorBy }),
  select: (selection) =>
    set((state) => ({
      selection,
      selectionRevision:
        selection && selection.cluster === null
          ? state.selectionRevision
          : state.selectionRevision + 1,
    })),
}));
