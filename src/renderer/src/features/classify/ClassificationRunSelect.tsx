import { useId } from 'react';
import type { ClassificationSummary } from '../../../../shared/classify-types';
import { modelName } from './classify-labels';
import { formatDate } from '../../lib/format';
import { useClassificationsStore } from './classifications.store';

interface ClassificationRunSelectProps {
  /** The dataset's runs, newest first. */
  classifications: ClassificationSummary[];
  shown: ClassificationSummary;
}

/** Which of the dataset's runs the results show. */
export function ClassificationRunSelect({ classifications, shown }: ClassificationRunSelectProps) {
  const selectClassification = useClassificationsStore((state) => state.selectClassification);
  const selectId = useId();
  return (
    <div className="field field-compact">
      <label className="field-label" htmlFor={selectId}>
        Run
      </label>
      <select
        id={selectId}
        className="input"
        value={shown.id}
        onChange={(event) => selectClassification(shown.datasetId, Number(event.target.value))}
      >
        {classifications.map((classification) => (
          <option key={classification.id} value={classification.id}>
            #{classification.id} · {modelName(classification.model)} ·{' '}
            {formatDate(classification.createdAt)}
          </option>
        ))}
      </select>
    </div>
  );
}
