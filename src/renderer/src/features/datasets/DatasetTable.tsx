import { useState } from 'react';
import type { DatasetSummary } from '../../../../shared/types';
import { formatCount, formatDate } from '../../lib/format';
import { useDatasetsStore } from './datasets.store';
import { useNavigationStore } from '../../app/navigation.store';

interface DatasetTableProps {
  datasets: DatasetSummary[];
  selectedId: number | null;
}

export function DatasetTable({ datasets, selectedId }: DatasetTableProps) {
  const navigate = useNavigationStore((state) => state.navigate);
  const selectDataset = useNavigationStore((state) => state.selectDataset);
  const remove = useDatasetsStore((state) => state.remove);
  const [confirmingId, setConfirmingId] = useState<number | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const confirmDelete = async (dataset: DatasetSummary) => {
    const error = await remove(dataset.id);
    setConfirmingId(null);
    setDeleteError(error ? `Could not delete ${dataset.name}: ${error}` : null);
    if (!error && selectedId === dataset.id) selectDataset(null);
  };

  return (
    <div className="stack-tight">
      {deleteError && (
        <p className="error-text" role="alert">
          {deleteError}
        </p>
      )}
      <table className="table table-interactive">
        <caption className="visually-hidden">Datasets</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="numeric">
              Sequences
            </th>
            <th scope="col" className="numeric">
              Invalid
            </th>
            <th scope="col" className="numeric">
              Total bases
            </th>
            <th scope="col" className="numeric">
              Files
            </th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {datasets.map((dataset) => (
            <tr key={dataset.id} className={dataset.id === selectedId ? 'is-selected' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="button-link"
                  aria-label={`Show details of ${dataset.name}`}
                  onClick={() => selectDataset(dataset.id)}
                >
                  {dataset.name}
                </button>
              </th>
              <td className="numeric">{formatCount(dataset.sequenceCount)}</td>
              <td className="numeric">{formatCount(dataset.invalidCount)}</td>
              <td className="numeric">{formatCount(dataset.totalBases)}</td>
              <td className="numeric">{dataset.sourceFiles.length}</td>
              <td>{formatDate(dataset.createdAt)}</td>
              <td className="actions">
                {confirmingId === dataset.id ? (
                  <span
                    className="row"
                    role="group"
                    aria-label={`Confirm deleting ${dataset.name}`}
                  >
                    <span className="small">Delete for good?</span>
                    <button
                      type="button"
                      className="button button-danger"
                      onClick={() => void confirmDelete(dataset)}
                    >
                      Confirm delete
                    </button>
                    <button type="button" className="button" onClick={() => setConfirmingId(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <span className="row">
                    <button
                      type="button"
                      className="button"
                      aria-label={`Open sequences of ${dataset.name}`}
                      onClick={() => navigate('sequences', dataset.id)}
                    >
                      Open
                    </button>
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={`Delete ${dataset.name}`}
                      onClick={() => setConfirmingId(dataset.id)}
                    >
                      Delete
                    </button>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
