import type { PathogenSummary } from '../../../../shared/analysis-types';
import type { PathogenDetection } from '../../../../shared/classify-types';
import { SelectField } from '../../ui/SelectField';

interface ClassifyPathogenSelectProps {
  pathogens: PathogenSummary[];
  /** The pathogen the run will use; null until detected or chosen. */
  value: string | null;
  detected: PathogenDetection | null;
  disabled?: boolean;
  onChange(pathogenId: string | null): void;
}

/** The pathogen to classify against: the detected one is preselected and marked. */
export function ClassifyPathogenSelect({
  pathogens,
  value,
  detected,
  disabled,
  onChange,
}: ClassifyPathogenSelectProps) {
  return (
    <SelectField
      label="Pathogen"
      inputClassName="input-narrow"
      value={value ?? ''}
      disabled={disabled}
      onChange={(pathogenId) => onChange(pathogenId || null)}
    >
      {value === null && <option value="">Choose a pathogen…</option>}
      {pathogens.map((pathogen) => (
        <option key={pathogen.id} value={pathogen.id}>
          {pathogen.name}
          {pathogen.id === detected?.pathogenId ? ' (detected)' : ''}
        </option>
      ))}
    </SelectField>
  );
}
