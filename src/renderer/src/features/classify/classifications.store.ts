/**
 * Every classification run (the History page's list, the Classify page's runs of a
 * dataset), their details, and the run each dataset shows. Opening a past run reads what
 * was stored: nothing is computed again.
 */
import { create } from 'zustand';
import type {
  ClassificationDetail,
  ClassificationSummary,
} from '../../../../shared/classify-types';
import { api, errorMessage } from '../../api';

type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface ClassificationsState {
  /** Newest first, every dataset's. */
  classifications: ClassificationSummary[];
  status: LoadStatus;
  error: string | null;
  details: Record<number, ClassificationDetail>;
  detailErrors: Record<number, string>;
  /** The run shown for a dataset; its newest when none was chosen. */
  selected: Record<number, number>;
  loadClassifications(): Promise<void>;
  loadDetail(classificationId: number): Promise<void>;
  selectClassification(datasetId: number, classificationId: number): void;
  /** Deletes a run; resolves to an error message, or null when it is gone. */
  remove(classification: ClassificationSummary): Promise<string | null>;
  /** Takes the run a finished job made, and shows it. */
  receiveClassification(classification: ClassificationSummary): void;
}

const newestFirst = (a: ClassificationSummary, b: ClassificationSummary) => b.id - a.id;

export const useClassificationsStore = create<ClassificationsState>()((set, get) => ({
  classifications: [],
  status: 'idle',
  error: null,
  details: {},
  detailErrors: {},
  selected: {},

  async loadClassifications() {
    set((state) => ({ status: state.status === 'ready' ? 'ready' : 'loading', error: null }));
    try {
      const list = await api.listClassifications({});
      set({ classifications: [...list].sort(newestFirst), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },

  async loadDetail(classificationId) {
    if (get().details[classificationId]) return;
    try {
      const detail = await api.getClassification({ classificationId });
      set((state) => {
        const { [classificationId]: _cleared, ...detailErrors } = state.detailErrors;
        return { details: { ...state.details, [classificationId]: detail }, detailErrors };
      });
    } catch (error) {
      set((state) => ({
        detailErrors: { ...state.detailErrors, [classificationId]: errorMessage(error) },
      }));
    }
  },

  selectClassification: (datasetId, classificationId) =>
    set((state) => ({ selected: { ...state.selected, [datasetId]: classificationId } })),

  async remove(classification) {
    try {
      await api.deleteClassification({ classificationId: classification.id });
    } catch (error) {
      return errorMessage(error);
    }
    set((state) => {
      const { datasetId, id } = classification;
      const { [datasetId]: shown, ...others } = state.selected;
      const { [id]: _dropped, ...details } = state.details;
      return {
        classifications: state.classifications.filter((candidate) => candidate.id !== id),
        selected: shown === id ? others : state.selected,
        details,
      };
    });
    return null;
  },

  receiveClassification(classification) {
    set((state) => ({
      classifications: [
        classification,
        ...state.classifications.filter((candidate) => candidate.id !== classification.id),
      ].sort(newestFirst),
      selected: { ...state.selected, [classification.datasetId]: classification.id },
    }));
  },
}));
