import type { ClassificationSummary } from '../../../../shared/classify-types';
import { modelName } from './classify-labels';
import { formatDate } from '../../lib/format';
import { SelectField } from '../../ui/SelectField';
import { useClassificationsStore } from './classifications.store';

interface ClassificationRunSelectProps {
  /** The dataset's runs, newest first. */
  classifications: ClassificationSummary[];
  shown: ClassificationSummary;
}

/** Which of the dataset's runs the results show. */
export function ClassificationRunSelect({ classifications, shown }: ClassificationRunSelectProps) {
  const selectClassification = useClassificationsStore((state) => state.selectClassification);
  return (
    <SelectField
      label="Run"
      value={shown.id}
      onChange={(value) => selectClassification(shown.datasetId, Number(value))}
    >
      {classifications.map((classification) => (
        <option key={classification.id} value={classification.id}>
          #{classification.id} · {modelName(classification.model)} ·{' '}
          {formatDate(classification.createdAt)}
        </option>
      ))}
    </SelectField>
  );
}
