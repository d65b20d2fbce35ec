import { useId } from 'react';
import type { DatasetSummary } from '../../../../shared/types';
import { formatCount } from '../../lib/format';
import { useNavigationStore } from '../../app/navigation.store';

interface DatasetSelectProps {
  datasets: DatasetSummary[];
  dataset: DatasetSummary | null;
  disabled?: boolean;
}

/** Chooses the dataset that the Sequences, QC and Variants pages show. */
export function DatasetSelect({ datasets, dataset, disabled }: DatasetSelectProps) {
  const selectDataset = useNavigationStore((state) => state.selectDataset);
  const selectId = useId();
  return (
    <div className="field field-compact">
      <label className="field-label" htmlFor={selectId}>
        Dataset
      </label>
      <select
        id={selectId}
        className="input"
        value={dataset?.id ?? ''}
        disabled={disabled}
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
  );
}
