import { create } from 'zustand';
import type { DatasetDetail, DatasetSummary } from '../../../../shared/types';
import { api, errorMessage } from '../../api';

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface DatasetsState {
  datasets: DatasetSummary[];
  status: LoadStatus;
  error: string | null;
  details: Record<number, DatasetDetail>;
  detailErrors: Record<number, string>;
  refresh(): Promise<void>;
  loadDetail(datasetId: number): Promise<void>;
  /** Deletes a dataset; resolves to an error message, or null when it is gone. */
  remove(datasetId: number): Promise<string | null>;
}

export const useDatasetsStore = create<DatasetsState>()((set, get) => ({
  datasets: [],
  status: 'idle',
  error: null,
  details: {},
  detailErrors: {},

  async refresh() {
    set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading', error: null }));
    try {
      const datasets = await api.listDatasets({});
      set({ datasets, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  async loadDetail(datasetId) {
    if (get().details[datasetId]) return;
    try {
      const detail = await api.getDataset({ datasetId });
      set((state) => ({ details: { ...state.details, [datasetId]: detail } }));
    } catch (error) {
      set((state) => ({
        detailErrors: { ...state.detailErrors, [datasetId]: errorMessage(error) },
      }));
    }
  },

  async remove(datasetId) {
    try {
      await api.deleteDataset({ datasetId });
    } catch (error) {
      return errorMessage(error);
    }
    set((state) => {
      const { [datasetId]: _removed, ...details } = state.details;
      return { datasets: state.datasets.filter((dataset) => dataset.id !== datasetId), details };
    });
    return null;
  },
}));
