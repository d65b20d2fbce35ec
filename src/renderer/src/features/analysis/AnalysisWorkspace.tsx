/**
 * The frame of the analysis pages: the dataset, its analysis (or the button that makes
 * one), the run in progress, and the page's own content once an analysis exists.
 */
import type { ReactNode } from 'react';
import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { useCurrentDataset } from '../datasets/useCurrentDataset';
import { useDatasetAnalysis } from './useDatasetAnalysis';
import { useAnalysisStore } from './analysis.store';
import { isFinished } from '../../app/jobs.store';
import { AnalysisControls } from './AnalysisControls';
import { AnalysisRunStatus } from './AnalysisRunStatus';
import { AnalysisSummaryLine } from './AnalysisSummaryLine';
import { DatasetSelect } from '../datasets/DatasetSelect';
import { DatasetPage } from '../datasets/DatasetPage';
import { LoadError } from '../../ui/LoadError';

interface AnalysisWorkspaceProps {
  title: string;
  intro: string;
  /** Buttons at the right of the toolbar (exports), once there is an analysis. */
  actions?(analysis: AnalysisSummary): ReactNode;
  children(analysis: AnalysisSummary): ReactNode;
}

export function AnalysisWorkspace({ title, intro, actions, children }: AnalysisWorkspaceProps) {
  const { datasets, status, dataset } = useCurrentDataset();
  const { analysis, analyses, loading, error, run, job } = useDatasetAnalysis(dataset?.id ?? null);
  const cancel = useAnalysisStore((state) => state.cancel);
  const running = run !== null && run.phase !== 'error' && (!job || !isFinished(job));

  return (
    <DatasetPage
      className="page page-fill page-analysis"
      title={title}
      intro={intro}
      datasets={datasets}
      status={status}
    >
      <>
        <div className="toolbar">
          <div className="row row-bottom">
            <DatasetSelect datasets={datasets} dataset={dataset} />
            {dataset && !loading && (
              <AnalysisControls
                key={dataset.id}
                datasetId={dataset.id}
                analysis={analysis}
                busy={running}
              />
            )}
          </div>
          {analysis && actions?.(analysis)}
        </div>
        {analysis && <AnalysisSummaryLine analysis={analysis} analyses={analyses} />}
        {dataset && (
          <AnalysisRunStatus run={run} job={job} onCancel={() => void cancel(dataset.id)} />
        )}
        <LoadError what="the analyses" error={error} />
        {dataset && loading && <p className="muted">Loading the analysis…</p>}
        {dataset && !loading && !analysis && !running && !error && (
          <div className="empty-state">
            <p>
              <strong>{dataset.name}</strong> has not been analysed yet. Align its sequences to the
              reference to see QC verdicts and mutations.
            </p>
          </div>
        )}
        {analysis && children(analysis)}
      </>
    </DatasetPage>
  );
}
