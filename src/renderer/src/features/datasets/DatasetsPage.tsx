import { useEffect } from 'react';
import { DatasetDetailPanel } from './DatasetDetailPanel';
import { DatasetTable } from './DatasetTable';
import { useDatasetsStore } from './datasets.store';
import { useNavigationStore } from '../../app/navigation.store';
import { NoDatasets } from './NoDatasets';
import { LoadError } from '../../ui/LoadError';

export function DatasetsPage() {
  const datasets = useDatasetsStore((state) => state.datasets);
  const status = useDatasetsStore((state) => state.status);
  const error = useDatasetsStore((state) => state.error);
  const refresh = useDatasetsStore((state) => state.refresh);
  const selectedId = useNavigationStore((state) => state.datasetId);
  const selected = datasets.some((dataset) => dataset.id === selectedId) ? selectedId : null;

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Datasets</h1>
        <p className="muted">Each import is one dataset, identified by the hash of its content.</p>
      </header>
      {status === 'error' && <LoadError what="the datasets" error={error} />}
      {status === 'loading' && <p className="muted">Loading datasets…</p>}
      {status === 'ready' && datasets.length === 0 && <NoDatasets />}
      {datasets.length > 0 && (
        <div className="stack">
          <div className="card card-flush">
            <DatasetTable datasets={datasets} selectedId={selected} />
          </div>
          {selected !== null ? (
            <DatasetDetailPanel datasetId={selected} />
          ) : (
            <p className="muted">
              Choose a dataset name to see its source files and import errors.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
