import { useEffect, useId, useMemo } from 'react';
import { ExportButtons } from '../components/ExportButtons';
import { NavLink } from '../components/NavLink';
import { sequenceColumns } from '../components/sequence-columns';
import { SequenceFilters } from '../components/SequenceFilters';
import { SequenceTable } from '../components/SequenceTable';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { formatCount } from '../lib/format';
import { useDatasetsStore } from '../stores/datasets.store';
import { useNavigationStore } from '../stores/navigation.store';
import { useSequencePagesStore, type SequenceQuery } from '../stores/sequence-pages.store';
import { filterFromDraft, useSequencesStore } from '../stores/sequences.store';

const FILTER_DEBOUNCE_MS = 300;

export function SequencesPage() {
  const datasets = useDatasetsStore((state) => state.datasets);
  const status = useDatasetsStore((state) => state.status);
  const refresh = useDatasetsStore((state) => state.refresh);
  const datasetId = useNavigationStore((state) => state.datasetId);
  const selectDataset = useNavigationStore((state) => state.selectDataset);
  const filterDraft = useSequencesStore((state) => state.filterDraft);
  const sort = useSequencesStore((state) => state.sort);
  const setQuery = useSequencePagesStore((state) => state.setQuery);
  const total = useSequencePagesStore((state) => state.total);
  const loadError = useSequencePagesStore((state) => state.error);
  const selectId = useId();

  const debouncedDraft = useDebouncedValue(filterDraft, FILTER_DEBOUNCE_MS);
  const dataset = datasets.find((candidate) => candidate.id === datasetId) ?? null;
  const query = useMemo<SequenceQuery | null>(
    () =>
      dataset ? { datasetId: dataset.id, filter: filterFromDraft(debouncedDraft), sort } : null,
    [dataset, debouncedDraft, sort],
  );
  const columns = useMemo(() => sequenceColumns(dataset?.metadataColumns ?? []), [dataset]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // With nothing chosen yet, show the newest dataset rather than an empty page.
  useEffect(() => {
    if (status === 'ready' && !dataset && datasets[0]) selectDataset(datasets[0].id);
  }, [status, dataset, datasets, selectDataset]);

  useEffect(() => {
    setQuery(query);
  }, [query, setQuery]);

  return (
    <div className="page page-fill">
      <header className="page-header">
        <h1>Sequences</h1>
      </header>

      {status === 'ready' && datasets.length === 0 ? (
        <div className="empty-state">
          <p>No datasets yet.</p>
          <NavLink page="import" className="button button-primary">
            Import sequences
          </NavLink>
        </div>
      ) : (
        <>
          <div className="toolbar">
            <div className="field field-compact">
              <label className="field-label" htmlFor={selectId}>
                Dataset
              </label>
              <select
                id={selectId}
                className="input"
                value={dataset?.id ?? ''}
                onChange={(event) => selectDataset(Number(event.target.value) || null)}
              >
                {!dataset && <option value="">Choose a dataset…</option>}
                {datasets.map((candidate) => (
                  <option key={candidate.id} value={candidate.id}>
                    {candidate.name} ({formatCount(candidate.sequenceCount)})
                  </option>
                ))}
              </select>
            </div>
            <ExportButtons query={query} />
          </div>
          <SequenceFilters />
          <div className="row row-between">
            <p className="muted" role="status" aria-live="polite">
              {dataset && total !== null
                ? `${formatCount(total)} of ${formatCount(dataset.sequenceCount)} sequences`
                : 'Loading sequences…'}
            </p>
            {loadError && (
              <p className="error-text" role="alert">
                Could not load sequences: {loadError}
              </p>
            )}
          </div>
          {dataset && <SequenceTable columns={columns} />}
        </>
      )}
    </div>
  );
}
