import { useId } from 'react';
import type { ModelVersionSummary } from '../../../../shared/classify-types';
import { isProduction, modelName } from './classify-labels';

interface ClassifyModelSelectProps {
  /** The pathogen's versions, newest first. */
  models: ModelVersionSummary[];
  value: ModelVersionSummary | null;
  disabled?: boolean;
  onChange(modelId: number): void;
}

/** The model version to run; the production one is the default and says so. */
export function ClassifyModelSelect({
  models,
  value,
  disabled,
  onChange,
}: ClassifyModelSelectProps) {
  const selectId = useId();
  return (
    <div className="field field-compact">
      <label className="field-label" htmlFor={selectId}>
        Model
      </label>
      <select
        id={selectId}
        className="input classify-model-select"
        value={value?.id ?? ''}
        disabled={disabled || models.length === 0}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {!value && <option value="">No model</option>}
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {modelName(model)}
            {isProduction(model) ? ' (production)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
