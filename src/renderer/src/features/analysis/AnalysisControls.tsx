import { useState } from 'react';
import type { AnalysisSummary } from '../../../../shared/analysis-types';
import { useAnalysisStore } from './analysis.store';
import { PathogenSelect } from './PathogenSelect';

interface AnalysisControlsProps {
  datasetId: number;
  /** The analysis shown, if any: the button then runs it again. */
  analysis: AnalysisSummary | null;
  busy: boolean;
}

/** Starts an analysis of the dataset: auto-detected or chosen pathogen, first run or re-run. */
export function AnalysisControls({ datasetId, analysis, busy }: AnalysisControlsProps) {
  const pathogens = useAnalysisStore((state) => state.pathogens);
  const analyze = useAnalysisStore((state) => state.analyze);
  const [pathogenId, setPathogenId] = useState('');
  const rerun = analysis !== null && (pathogenId === '' || pathogenId === analysis.pathogen.id);

  return (
    <form
      className="row row-bottom"
      aria-label="Run the analysis"
      onSubmit={(event) => {
        event.preventDefault();
        void analyze(datasetId, { pathogenId: pathogenId || null, force: rerun });
      }}
    >
      <PathogenSelect
        pathogens={pathogens}
        value={pathogenId}
        disabled={busy}
        onChange={setPathogenId}
      />
      <button
        type="submit"
        className={rerun ? 'button' : 'button button-primary'}
        disabled={busy}
        title={rerun ? 'Align every sequence again and replace this analysis' : undefined}
      >
        {rerun ? 'Re-run' : 'Align & run QC'}
      </button>
    </form>
  );
}
