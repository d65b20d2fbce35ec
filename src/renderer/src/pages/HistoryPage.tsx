import { ClassificationHistoryTable } from '../components/ClassificationHistoryTable';
import { NavLink } from '../components/NavLink';
import { RunHistoryChart } from '../components/RunHistoryChart';
import { useClassifications } from '../hooks/useClassifications';

export function HistoryPage() {
  const { classifications, loading, error } = useClassifications();

  return (
    <div className="page page-analysis history-page">
      <header className="page-header">
        <h1>History</h1>
        <p className="muted">
          Every classification run of every dataset. Open one to see its results again as they were
          stored: nothing is computed again.
        </p>
      </header>
      {error && (
        <p className="error-text" role="alert">
          Could not load the classifications: {error}
        </p>
      )}
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
          <ClassificationHistoryTable classifications={classifications} />
          <RunHistoryChart classifications={classifications} />
        </>
      )}
    </div>
  );
}
