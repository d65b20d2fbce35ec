import type { ModelVersionSummary } from '../../../../shared/classify-types';
import { SelectField } from '../../ui/SelectField';
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
  return (
    <SelectField
      label="Model"
      inputClassName="classify-model-select"
      value={value?.id ?? ''}
      disabled={disabled || models.length === 0}
      onChange={(modelId) => onChange(Number(modelId))}
    >
      {!value && <option value="">No model</option>}
      {models.map((model) => (
        <option key={model.id} value={model.id}>
          {modelName(model)}
          {isProduction(model) ? ' (production)' : ''}
        </option>
      ))}
    </SelectField>
  );
}
