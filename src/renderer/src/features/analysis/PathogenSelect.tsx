import type { PathogenSummary } from '../../../../shared/analysis-types';
import { SelectField } from '../../ui/SelectField';

interface PathogenSelectProps {
  pathogens: PathogenSummary[];
  /** '' for auto-detection. */
  value: string;
  disabled?: boolean;
  onChange(pathogenId: string): void;
}

/** The reference to align to; auto-detection reads it from the sequences. */
export function PathogenSelect({ pathogens, value, disabled, onChange }: PathogenSelectProps) {
  return (
    <SelectField
      label="Pathogen"
      inputClassName="input-narrow"
      value={value}
      disabled={disabled}
      onChange={onChange}
    >
      <option value="">Auto-detect</option>
      {pathogens.map((pathogen) => (
        <option key={pathogen.id} value={pathogen.id}>
          {pathogen.name}
        </option>
      ))}
    </SelectField>
  );
}
