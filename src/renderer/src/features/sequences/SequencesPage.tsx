import { useEffect, useMemo } from 'react';
import { DatasetSelect } from '../datasets/DatasetSelect';
import { DatasetPage } from '../datasets/DatasetPage';
import { ExportButtons } from './ExportButtons';
import { sequenceColumns } from './sequence-columns';
import { SequenceFilters } from './SequenceFilters';
import { SequenceTable } from './SequenceTable';
import { useCurrentDataset } from '../datasets/useCurrentDataset';
import { useDebouncedValue } from '../../hooks/useDebouncedValue';
import { formatCount } from '../../lib/format';
import { selectionFor } from '../../lib/seq-selection';
import { useSequencePagesStore, type SequenceQuery } from './sequence-pages.store';
import { filterFromDraft, useSequencesStore } from './sequences.store';
import { SeqSelectionChip } from '../../ui/SeqSelectionChip';
import { LoadError } from '../../ui/LoadError';

const FILTER_DEBOUNCE_MS = 300;

export function SequencesPage() {
  const { datasets, status, dataset } = useCurrentDataset();
  const filterDraft = useSequencesStore((state) => state.filterDraft);
  const sort = useSequencesStore((state) => state.sort);
  const picked = useSequencesStore((state) =>
    selectionFor(state.seqSelection, dataset?.id ?? null),
  );
  const clearSelection = useSequencesStore((state) => state.clearSelection);
  const setQuery = useSequencePagesStore((state) => state.setQuery);
  const total = useSequencePagesStore((state) => state.total);
  const loadError = useSequencePagesStore((state) => state.error);

  const debouncedDraft = useDebouncedValue(filterDraft, FILTER_DEBOUNCE_MS);
  const query = useMemo<SequenceQuery | null>(
    () =>
      dataset
        ? {
            datasetId: dataset.id,
            filter: { ...filterFromDraft(debouncedDraft), ...(picked ? { seqIds: picked } : {}) },
            sort,
          }
        : null,
    [dataset, debouncedDraft, picked, sort],
  );
  const columns = useMemo(() => sequenceColumns(dataset?.metadataColumns ?? []), [dataset]);

  useEffect(() => {
    setQuery(query);
  }, [query, setQuery]);

  return (
    <DatasetPage className="page page-fill" title="Sequences" datasets={datasets} status={status}>
      <>
        <div className="toolbar">
          <DatasetSelect datasets={datasets} dataset={dataset} />
          <ExportButtons query={query} />
        </div>
        <SequenceFilters />
        {picked && (
          <div className="row">
            <SeqSelectionChip count={picked.length} onRemove={clearSelection} />
          </div>
        )}
        <div className="row row-between">
          <p className="muted" role="status" aria-live="polite">
            {dataset && total !== null
              ? `${formatCount(total)} of ${formatCount(dataset.sequenceCount)} sequences`
              : 'Loading sequences…'}
          </p>
          <LoadError what="sequences" error={loadError} />
        </div>
        {dataset && <SequenceTable columns={columns} />}
      </>
    </DatasetPage>
  );
}
