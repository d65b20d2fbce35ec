import { useId } from 'react';
import type { PathogenSummary } from '../../../../shared/analysis-types';

interface PathogenSelectProps {
  pathogens: PathogenSummary[];
  /** '' for auto-detection. */
  value: string;
  disabled?: boolean;
  onChange(pathogenId: string): void;
}

/** The reference to align to; auto-detection reads it from the sequences. */
export function PathogenSelect({ pathogens, value, disabled, onChange }: PathogenSelectProps) {
  const selectId = useId();
  return (
    <div className="field field-compact">
      <label className="field-label" htmlFor={selectId}>
        Pathogen
      </label>
      <select
        id={selectId}
        className="input input-narrow"
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">Auto-detect</option>
        {pathogens.map((pathogen) => (
          <option key={pathogen.id} value={pathogen.id}>
            {pathogen.name}
          </option>
        ))}
      </select>
    </div>
  );
}
