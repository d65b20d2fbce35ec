import { useMemo } from 'react';
import type { ClassificationSummary } from '../../../../shared/classify-types';
import { ClassificationComparisonView } from './ClassificationComparisonView';
import { ClassificationHistoryTable } from './ClassificationHistoryTable';
import { CompareRunsBar } from './CompareRunsBar';
import { NavLink } from '../../ui/NavLink';
import { RunHistoryChart } from './RunHistoryChart';
import { useClassifications } from '../classify/useClassifications';
import { hasComparableRuns } from './classification-comparison';
import { useComparisonStore } from './comparison.store';
import { LoadError } from '../../ui/LoadError';

export function HistoryPage() {
  const { classifications, loading, error } = useClassifications();
  const pickedIds = useComparisonStore((state) => state.picked);
  const shown = useComparisonStore((state) => state.shown);
  const comparable = hasComparableRuns(classifications);
  // Runs deleted since (with their dataset) are no longer compared.
  const comparing =
    shown !== null &&
    (loading ||
      [shown.leftId, shown.rightId].every((id) =>
        classifications.some((classification) => classification.id === id),
      ));
  const picked = useMemo(
    () =>
      pickedIds
        .map((id) => classifications.find((classification) => classification.id === id))
        .filter((classification): classification is ClassificationSummary => !!classification),
    [pickedIds, classifications],
  );

  return (
    <div className="page page-analysis history-page">
      <header className="page-header">
        <h1>History</h1>
        <p className="muted">
          Every classification run of every dataset. Open one to see its results again as they were
          stored: nothing is computed again.
        </p>
      </header>
      {comparing ? (
        <ClassificationComparisonView />
      ) : (
        <>
          <LoadError what="the classifications" error={error} />
          {loading && classifications.length === 0 && (
            <p className="muted">Loading the classifications…</p>
          )}
          {!loading && !error && classifications.length === 0 && (
            <div className="empty-state">
              <p>No dataset has been classified yet.</p>
              <NavLink page="classify" className="button button-primary">
                Classify a dataset
              </NavLink>
            </div>
          )}
          {classifications.length > 0 && (
            <>
              {comparable && <CompareRunsBar picked={picked} />}
              <ClassificationHistoryTable
                classifications={classifications}
                picked={comparable ? picked : null}
              />
              <RunHistoryChart classifications={classifications} />
            </>
          )}
        </>
      )}
    </div>
  );
}
