import { useEffect } from 'react';
import type { AnalysisSummary } from '../../../../shared/analysis-types';
import type { JobSnapshot } from '../../../../shared/types';
import { useAnalysisStore, type AnalysisRun } from './analysis.store';
import { useJob } from '../../app/useJob';

export interface DatasetAnalysis {
  /** The analysis shown: the one chosen, else the newest. */
  analysis: AnalysisSummary | null;
  analyses: AnalysisSummary[];
  loading: boolean;
  error: string | null;
  run: AnalysisRun | null;
  job: JobSnapshot | null;
}

/** Loads a dataset's analyses (and the pathogens to choose from) and follows its run. */
export function useDatasetAnalysis(datasetId: number | null): DatasetAnalysis {
  const list = useAnalysisStore((state) => (datasetId ? state.analyses[datasetId] : undefined));
  const status = useAnalysisStore((state) => (datasetId ? state.status[datasetId] : undefined));
  const error = useAnalysisStore((state) => (datasetId ? state.errors[datasetId] : undefined));
  const selectedId = useAnalysisStore((state) =>
    datasetId ? state.selected[datasetId] : undefined,
  );
  const run = useAnalysisStore((state) => (datasetId ? state.runs[datasetId] : undefined));
  const loadAnalyses = useAnalysisStore((state) => state.loadAnalyses);
  const loadPathogens = useAnalysisStore((state) => state.loadPathogens);
  const job = useJob(run?.jobId ?? null);

  useEffect(() => {
    void loadPathogens();
  }, [loadPathogens]);

  useEffect(() => {
    if (datasetId) void loadAnalyses(datasetId);
  }, [datasetId, loadAnalyses]);

  const analyses = list ?? [];
  const analysis = analyses.find((candidate) => candidate.id === selectedId) ?? analyses[0] ?? null;
  return {
    analysis,
    analyses,
    loading: status === undefined || status === 'loading',
    error: status === 'error' ? (error ?? 'unknown error') : null,
    run: run ?? null,
    job,
  };
}
