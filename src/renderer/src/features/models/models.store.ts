/**
 * The registered model versions, the one opened in detail, and the bundle import in
 * progress. A picked file is staged and imported at once: the store keeps only its name.
 */
import { create } from 'zustand';
import type {
  ImportModelResult,
  ModelVersionDetail,
  ModelVersionSummary,
} from '../../../../shared/classify-types';
import { api, errorMessage } from '../../api';

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export type BundleImport =
  | { phase: 'uploading' | 'verifying'; fileName: string }
  | { phase: 'done'; fileName: string; result: ImportModelResult }
  | { phase: 'refused'; fileName: string; error: string };

interface ModelsState {
  /** Newest first within each pathogen. */
  models: ModelVersionSummary[];
  status: LoadStatus;
  error: string | null;
  details: Record<number, ModelVersionDetail>;
  detailErrors: Record<number, string>;
  /** The version shown in the detail panel. */
  selectedId: number | null;
  bundleImport: BundleImport | null;
  loadModels(): Promise<void>;
  loadDetail(modelId: number): Promise<void>;
  select(modelId: number | null): void;
  /** Stages the bundle, asks the core to verify and register it, then shows the new version. */
  importBundle(file: File): Promise<void>;
  dismissImport(): void;
}

export const useModelsStore = create<ModelsState>()((set, get) => ({
  models: [],
  status: 'idle',
  error: null,
  details: {},
  detailErrors: {},
  selectedId: null,
  bundleImport: null,

  async loadModels() {
    set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading', error: null }));
    try {
      set({ models: await api.listModels({}), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  async loadDetail(modelId) {
    if (get().details[modelId]) return;
    try {
      const detail = await api.getModel({ modelId });
      set((state) => {
        const { [modelId]: _cleared, ...detailErrors } = state.detailErrors;
        return { details: { ...state.details, [modelId]: detail }, detailErrors };
      });
    } catch (error) {
      set((state) => ({ detailErrors: { ...state.detailErrors, [modelId]: errorMessage(error) } }));
    }
  },

  select: (selectedId) => set({ selectedId }),

  async importBundle(file) {
    const fileName = file.name;
    set({ bundleImport: { phase: 'uploading', fileName } });
    try {
      const [ref] = await api.stageFiles([file]);
      if (!ref) throw new Error('the file could not be staged');
      set({ bundleImport: { phase: 'verifying', fileName } });
      const result = await api.importModel({ file: ref });
      set({ bundleImport: { phase: 'done', fileName, result }, selectedId: result.model.id });
      await get().loadModels();
    } catch (error) {
      set({ bundleImport: { phase: 'refused', fileName, error: errorMessage(error) } });
    }
  },

  dismissImport: () => set({ bundleImport: null }),
}));
