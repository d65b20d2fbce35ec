/**
 * Clusterings per dataset, the one shown, and the run in progress per dataset. Kept here,
 * not in the page, so that leaving the Clusters page finds the run where it is.
 */
import { create } from 'zustand';
import type { ClusterParamsInput } from '../../../../shared/cluster-schemas';
import type { ClusteringSummary } from '../../../../shared/cluster-types';
import { api, errorMessage } from '../../api';
import { cancelChainedRun, startChainedRun, type ChainedRun } from '../analysis/chained-run';

type LoadStatus = 'loading' | 'ready' | 'error';

/** The clustering run of a dataset (it may wait for the dataset's alignment). */
export type ClusterRun = ChainedRun;

interface ClustersState {
  /** Newest first, by dataset id. */
  clusterings: Record<number, ClusteringSummary[]>;
  status: Record<number, LoadStatus>;
  errors: Record<number, string>;
  /** The clustering shown for a dataset; the newest when none was chosen. */
  selected: Record<number, number>;
  runs: Record<number, ClusterRun>;
  loadClusterings(datasetId: number): Promise<void>;
  selectClustering(datasetId: number, clusteringId: number): void;
  cluster(datasetId: number, params: ClusterParamsInput): Promise<void>;
  /** Cancels the run's job and the jobs it waits for (an alignment started for it). */
  cancel(datasetId: number, waitedFor: string[]): Promise<void>;
  /** Deletes a clustering; resolves to an error message, or null when it is gone. */
  remove(clustering: ClusteringSummary): Promise<string | null>;
  /** Takes the clustering a finished job made, and shows it. */
  receiveClustering(clustering: ClusteringSummary): void;
}

const newestFirst = (a: ClusteringSummary, b: ClusteringSummary) => b.id - a.id;

export const useClustersStore = create<ClustersState>()((set, get) => ({
  clusterings: {},
  status: {},
  errors: {},
  selected: {},
  runs: {},

  async loadClusterings(datasetId) {
    set((state) => ({
      status: {
        ...state.status,
        [datasetId]: state.status[datasetId] === 'ready' ? 'ready' : 'loading',
      },
    }));
    try {
      const list = await api.listClusterings({ datasetId });
      set((state) => ({
        clusterings: { ...state.clusterings, [datasetId]: [...list].sort(newestFirst) },
        status: { ...state.status, [datasetId]: 'ready' },
      }));
    } catch (error) {
      set((state) => ({
        status: { ...state.status, [datasetId]: 'error' },
        errors: { ...state.errors, [datasetId]: errorMessage(error) },
      }));
    }
  },

  selectClustering: (datasetId, clusteringId) =>
    set((state) => ({ selected: { ...state.selected, [datasetId]: clusteringId } })),

  cluster: (datasetId, params) =>
    startChainedRun(
      (run) => set((state) => ({ runs: { ...state.runs, [datasetId]: run } })),
      () => api.clusterDataset({ datasetId, params }),
    ),

  cancel: (datasetId, waitedFor) =>
    cancelChainedRun(get().runs[datasetId], waitedFor, (run) =>
      set((state) => ({ runs: { ...state.runs, [datasetId]: run } })),
    ),

  async remove(clustering) {
    try {
      await api.deleteClustering({ clusteringId: clustering.id });
    } catch (error) {
      return errorMessage(error);
    }
    set((state) => {
      const { datasetId } = clustering;
      const list = (state.clusterings[datasetId] ?? []).filter((c) => c.id !== clustering.id);
      const { [datasetId]: shown, ...others } = state.selected;
      const selected = shown === clustering.id ? others : state.selected;
      return { clusterings: { ...state.clusterings, [datasetId]: list }, selected };
    });
    return null;
  },

  receiveClustering(clustering) {
    set((state) => {
      const others = (state.clusterings[clustering.datasetId] ?? []).filter(
        (candidate) => candidate.id !== clustering.id,
      );
      return {
        clusterings: {
          ...state.clusterings,
          [clustering.datasetId]: [clustering, ...others].sort(newestFirst),
        },
        status: { ...state.status, [clustering.datasetId]: 'ready' },
        selected: { ...state.selected, [clustering.datasetId]: clustering.id },
      };
    });
  },
}));
