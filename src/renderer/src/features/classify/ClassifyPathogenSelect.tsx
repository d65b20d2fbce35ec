import { useId } from 'react';
import type { PathogenSummary } from '../../../../shared/analysis-types';
import type { PathogenDetection } from '../../../../shared/classify-types';

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
  const selectId = useId();
  return (
    <div className="field field-compact">
      <label className="field-label" htmlFor={selectId}>
        Pathogen
      </label>
      <select
        id={selectId}
        className="input input-narrow"
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value || null)}
      >
        {value === null && <option value="">Choose a pathogen…</option>}
        {pathogens.map((pathogen) => (
          <option key={pathogen.id} value={pathogen.id}>
            {pathogen.name}
            {pathogen.id === detected?.pathogenId ? ' (detected)' : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
