/**
 * What the Classify page starts: the pathogen detected in each dataset, the analyst's
 * choice of pathogen and model, and the run in progress per dataset. Kept here, not in
 * the page, so that leaving the page finds the run where it is.
 */
import { create } from 'zustand';
import type { PathogenDetection } from '../../../../shared/classify-types';
import { api, errorMessage } from '../../api';
import { cancelChainedRun, startChainedRun, type ChainedRun } from '../analysis/chained-run';

export type Detection =
  | { status: 'loading' }
  | { status: 'ready'; detection: PathogenDetection }
  | { status: 'error'; error: string };

/** The analyst's choice; null keeps the default (the detected pathogen, its production model). */
export interface ClassifyChoice {
  pathogenId: string | null;
  modelId: number | null;
}

/** The classification run of a dataset (it may wait for the dataset's alignment and QC). */
export type ClassifyRun = ChainedRun;

interface ClassifyState {
  detections: Record<number, Detection>;
  choices: Record<number, ClassifyChoice>;
  runs: Record<number, ClassifyRun>;
  /** Detects the dataset's pathogen once (its sequences do not change). */
  detect(datasetId: number): Promise<void>;
  /** A new pathogen goes back to its default model. */
  choosePathogen(datasetId: number, pathogenId: string | null): void;
  chooseModel(datasetId: number, modelId: number | null): void;
  classify(datasetId: number, modelId: number): Promise<void>;
  /** Cancels the run's job and the jobs it waits for (an alignment started for it). */
  cancel(datasetId: number, waitedFor: string[]): Promise<void>;
}

const noChoice: ClassifyChoice = { pathogenId: null, modelId: null };

export const useClassifyStore = create<ClassifyState>()((set, get) => ({
  detections: {},
  choices: {},
  runs: {},

  async detect(datasetId) {
    const known = get().detections[datasetId];
    if (known && known.status !== 'error') return;
    const setDetection = (detection: Detection) =>
      set((state) => ({ detections: { ...state.detections, [datasetId]: detection } }));
    setDetection({ status: 'loading' });
    try {
      setDetection({ status: 'ready', detection: await api.detectPathogen({ datasetId }) });
    } catch (error) {
      setDetection({ status: 'error', error: errorMessage(error) });
    }
  },

  choosePathogen: (datasetId, pathogenId) =>
    set((state) => ({ choices: { ...state.choices, [datasetId]: { pathogenId, modelId: null } } })),

  chooseModel: (datasetId, modelId) =>
    set((state) => ({
      choices: {
        ...state.choices,
        [datasetId]: { ...(state.choices[datasetId] ?? noChoice), modelId },
      },
    })),

  classify: (datasetId, modelId) =>
    startChainedRun(
      (run) => set((state) => ({ runs: { ...state.runs, [datasetId]: run } })),
      () => api.classifyDataset({ datasetId, modelId }),
    ),

  cancel: (datasetId, waitedFor) =>
    cancelChainedRun(get().runs[datasetId], waitedFor, (run) =>
      set((state) => ({ runs: { ...state.runs, [datasetId]: run } })),
    ),
}));
