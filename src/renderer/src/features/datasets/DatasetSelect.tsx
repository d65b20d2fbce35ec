import type { DatasetSummary } from '../../../../shared/types';
import { formatCount } from '../../lib/format';
import { SelectField } from '../../ui/SelectField';
import { useNavigationStore } from '../../app/navigation.store';

interface DatasetSelectProps {
  datasets: DatasetSummary[];
  dataset: DatasetSummary | null;
  disabled?: boolean;
}

/** Chooses the dataset that the Sequences, QC and Variants pages show. */
export function DatasetSelect({ datasets, dataset, disabled }: DatasetSelectProps) {
  const selectDataset = useNavigationStore((state) => state.selectDataset);
  return (
    <SelectField
      label="Dataset"
      value={dataset?.id ?? ''}
      disabled={disabled}
      onChange={(datasetId) => selectDataset(Number(datasetId) || null)}
    >
      {!dataset && <option value="">Choose a dataset…</option>}
      {datasets.map((candidate) => (
        <option key={candidate.id} value={candidate.id}>
          {candidate.name} ({formatCount(candidate.sequenceCount)})
        </option>
      ))}
    </SelectField>
  );
}
