/**
 * Analyses (alignment + QC) per dataset, the pathogens that can be chosen, and the run in
 * progress per dataset. Kept here, not in a page, so that the QC and Variants pages share
 * one run and leaving a page finds the run where it is.
 */
import { create, type StateCreator } from 'zustand';
import type { AnalysisSummary, PathogenSummary } from '../../../../shared/analysis-types';
import { api, errorMessage } from '../../api';

type LoadStatus = 'loading' | 'ready' | 'error';

/** `starting` until the job exists; a job's own end is in the jobs store. */
export interface AnalysisRun {
  phase: 'starting' | 'tracking' | 'error';
  jobId: string | null;
  error: string | null;
  cancelRequested: boolean;
}

interface AnalysisState {
  pathogens: PathogenSummary[];
  pathogensError: string | null;
  /** Newest first, by dataset id. */
  analyses: Record<number, AnalysisSummary[]>;
  status: Record<number, LoadStatus>;
  errors: Record<number, string>;
  /** The analysis shown for a dataset when it has several (one per reference). */
  selected: Record<number, number>;
  runs: Record<number, AnalysisRun>;
  loadPathogens(): Promise<void>;
  /** Reads the pathogens again (one was added or removed). */
  reloadPathogens(): Promise<void>;
  loadAnalyses(datasetId: number): Promise<void>;
  selectAnalysis(datasetId: number, analysisId: number): void;
  /** Starts an analysis; without a pathogen the core detects it from the sequences. */
  analyze(datasetId: number, options: { pathogenId: string | null; force: boolean }): Promise<void>;
  cancel(datasetId: number): Promise<void>;
  /** Takes the analysis a finished job made, and shows it. */
  receiveAnalysis(analysis: AnalysisSummary): void;
}

type SetState = Parameters<StateCreator<AnalysisState>>[0];
type GetState = Parameters<StateCreator<AnalysisState>>[1];

/** Starting and cancelling a dataset's run. */
function runActions(set: SetState, get: GetState): Pick<AnalysisState, 'analyze' | 'cancel'> {
  return {
    async analyze(datasetId, { pathogenId, force }) {
      const setRun = (run: AnalysisRun) =>
        set((state) => ({ runs: { ...state.runs, [datasetId]: run } }));
      setRun({ phase: 'starting', jobId: null, error: null, cancelRequested: false });
      try {
        const started = await api.analyzeDataset({
          datasetId,
          force,
          ...(pathogenId ? { pathogenId } : {}),
        });
        if (started.jobId) {
          setRun({ phase: 'tracking', jobId: started.jobId, error: null, cancelRequested: false });
          return;
        }
        // Nothing to run: an analysis against the same reference exists.
        set((state) => {
          const { [datasetId]: _done, ...runs } = state.runs;
          return { runs };
        });
        await get().loadAnalyses(datasetId);
        if (started.analysisId !== null) get().selectAnalysis(datasetId, started.analysisId);
      } catch (error) {
        setRun({ phase: 'error', jobId: null, error: errorMessage(error), cancelRequested: false });
      }
    },

    async cancel(datasetId) {
      const run = get().runs[datasetId];
      if (!run?.jobId) return;
      set((state) => ({ runs: { ...state.runs, [datasetId]: { ...run, cancelRequested: true } } }));
      try {
        await api.cancelJob({ jobId: run.jobId });
      } catch (error) {
        set((state) => ({
          runs: { ...state.runs, [datasetId]: { ...run, error: errorMessage(error) } },
        }));
      }
    },
  };
}

export const useAnalysisStore = create<AnalysisState>()((set, get) => ({
  pathogens: [],
  pathogensError: null,
  analyses: {},
  status: {},
  errors: {},
  selected: {},
  runs: {},

  async loadPathogens() {
    if (get().pathogens.length > 0) return;
    await get().reloadPathogens();
  },

  async reloadPathogens() {
    try {
      set({ pathogens: await api.listPathogens({}), pathogensError: null });
    } catch (error) {
      set({ pathogensError: errorMessage(error) });
    }
  },

  async loadAnalyses(datasetId) {
    set((state) => ({
      status: {
        ...state.status,
        [datasetId]: state.status[datasetId] === 'ready' ? 'ready' : 'loading',
      },
    }));
    try {
      const list = await api.listAnalyses({ datasetId });
      set((state) => ({
        analyses: { ...state.analyses, [datasetId]: list },
        status: { ...state.status, [datasetId]: 'ready' },
      }));
    } catch (error) {
      set((state) => ({
        status: { ...state.status, [datasetId]: 'error' },
        errors: { ...state.errors, [datasetId]: errorMessage(error) },
      }));
    }
  },

  selectAnalysis: (datasetId, analysisId) =>
    set((state) => ({ selected: { ...state.selected, [datasetId]: analysisId } })),

  ...runActions(set, get),

  receiveAnalysis(analysis) {
    set((state) => {
      // One analysis per dataset and pathogen: a re-run replaces the earlier one.
      const others = (state.analyses[analysis.datasetId] ?? []).filter(
        (candidate) => candidate.pathogen.id !== analysis.pathogen.id,
      );
      return {
        analyses: {
          ...state.analyses,
          [analysis.datasetId]: [analysis, ...others].sort((a, b) => b.id - a.id),
        },
        status: { ...state.status, [analysis.datasetId]: 'ready' },
        selected: { ...state.selected, [analysis.datasetId]: analysis.id },
      };
    });
  },
}));
