import { useId } from 'react';
import type { DraftField } from './cluster-params';
import { useClusterViewStore } from './cluster-view.store';

type NumberField = Exclude<
  DraftField,
  'featurizer' | 'embed' | 'dimensions' | 'method' | 'labelColumn'
>;

interface DraftNumberFieldProps {
  field: NumberField;
  label: string;
  placeholder?: string;
  title?: string;
  step?: string;
  error?: string;
}

/** One number of the clustering form, as typed; the schema's complaint below it. */
export function DraftNumberField({
  field,
  label,
  placeholder,
  title,
  step,
  error,
}: DraftNumberFieldProps) {
  const value = useClusterViewStore((state) => state.draft[field]);
  const setField = useClusterViewStore((state) => state.setDraftField);
  const inputId = useId();
  return (
    <div className="field field-compact">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="input input-number"
        type="number"
        step={step ?? '1'}
        inputMode="decimal"
        placeholder={placeholder}
        title={title}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(event) => setField(field, event.target.value)}
      />
      {error && (
        <span id={`${inputId}-error`} className="error-text small">
          {error}
        </span>
      )}
    </div>
  );
}
