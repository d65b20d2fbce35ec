import type { DatasetSummary } from '../../../../shared/types';
import { useNavigationStore } from '../../app/navigation.store';
import { useConfirmedDelete } from '../../hooks/useConfirmedDelete';
import { formatCount, formatDate } from '../../lib/format';
import { useDatasetsStore } from './datasets.store';

interface DatasetActionsProps {
  dataset: DatasetSummary;
  confirming: boolean;
  onRequestDelete(): void;
  onConfirmDelete(): void;
  onKeep(): void;
}

/** Open the dataset's sequences, or delete it after a second, explicit confirmation. */
function DatasetActions({
  dataset,
  confirming,
  onRequestDelete,
  onConfirmDelete,
  onKeep,
}: DatasetActionsProps) {
  const navigate = useNavigationStore((state) => state.navigate);
  if (confirming)
    return (
      <span className="row" role="group" aria-label={`Confirm deleting ${dataset.name}`}>
        <span className="small">Delete for good?</span>
        <button type="button" className="button button-danger" onClick={onConfirmDelete}>
          Confirm delete
        </button>
        <button type="button" className="button" onClick={onKeep}>
          Keep
        </button>
      </span>
    );
  return (
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
        onClick={onRequestDelete}
      >
        Delete
      </button>
    </span>
  );
}

function DatasetTableHead() {
  return (
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
  );
}

interface DatasetTableProps {
  datasets: DatasetSummary[];
  selectedId: number | null;
}

export function DatasetTable({ datasets, selectedId }: DatasetTableProps) {
  const selectDataset = useNavigationStore((state) => state.selectDataset);
  const remove = useDatasetsStore((state) => state.remove);
  const { confirmingId, setConfirmingId, deleteError, confirmDelete } = useConfirmedDelete(
    (dataset: DatasetSummary) => remove(dataset.id),
    (datasetId) => {
      if (selectedId === datasetId) selectDataset(null);
    },
    (dataset) => dataset.name,
  );

  return (
    <div className="stack-tight">
      {deleteError && (
        <p className="error-text" role="alert">
          {deleteError}
        </p>
      )}
      <table className="table table-interactive">
        <caption className="visually-hidden">Datasets</caption>
        <DatasetTableHead />
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
                <DatasetActions
                  dataset={dataset}
                  confirming={confirmingId === dataset.id}
                  onRequestDelete={() => setConfirmingId(dataset.id)}
                  onConfirmDelete={() => void confirmDelete(dataset)}
                  onKeep={() => setConfirmingId(null)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
