import { useComparisonStore } from './comparison.store';
import { ComparedRunCard } from './ComparedRunCard';
import { ComparisonAgreement } from './ComparisonAgreement';
import { DisagreementsCard } from './DisagreementsCard';
import { LabelTransitionsTable } from './LabelTransitionsTable';

/** Two runs of one dataset side by side: how often they agree, how labels move, and where. */
export function ClassificationComparisonView() {
  const shown = useComparisonStore((state) => state.shown);
  const status = useComparisonStore((state) => state.status);
  const comparison = useComparisonStore((state) => state.comparison);
  const error = useComparisonStore((state) => state.error);
  const swap = useComparisonStore((state) => state.swap);
  const close = useComparisonStore((state) => state.close);
  if (!shown) return null;

  return (
    <section className="stack compare-view" aria-label="Run comparison">
      <div className="row row-between">
        <h2 className="compare-title">
          Run #{shown.leftId} vs run #{shown.rightId}
          {comparison && <span className="muted small"> {comparison.left.datasetName}</span>}
        </h2>
        <div className="row">
          <button
            type="button"
            className="button button-small"
            disabled={status === 'loading'}
            title="Show the right run on the left, and the left one on the right"
            onClick={() => void swap()}
          >
            Swap sides
          </button>
          <button type="button" className="button button-small" onClick={close}>
            Back to all runs
          </button>
        </div>
      </div>
      {status === 'loading' && <p className="muted">Comparing the runs…</p>}
      {error && (
        <p className="error-text" role="alert">
          Could not compare runs #{shown.leftId} and #{shown.rightId}: {error}
        </p>
      )}
      {comparison && (
        <>
          <div className="compare-runs">
            <ComparedRunCard side="Left" classification={comparison.left} />
            <ComparedRunCard side="Right" classification={comparison.right} />
          </div>
          <ComparisonAgreement comparison={comparison} />
          <LabelTransitionsTable comparison={comparison} />
          <DisagreementsCard comparison={comparison} />
        </>
      )}
    </section>
  );
}
