import { Field } from './Field';

interface NumberFieldProps {
  label: string;
  /** The number as typed: '' when blank. */
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  title?: string;
  min?: number;
  max?: number;
  step?: string;
  /** Classes beside `input` on the input, e.g. `input-number`. */
  inputClassName?: string;
  /** Why the value is refused, shown below it. */
  error?: string;
}

/** A labelled number input kept as text, so that a half-typed number stays as typed. */
export function NumberField({
  label,
  value,
  onChange,
  placeholder,
  title,
  min,
  max,
  step,
  inputClassName,
  error,
}: NumberFieldProps) {
  return (
    <Field label={label}>
      {(inputId) => (
        <>
          <input
            id={inputId}
            className={inputClassName ? `input ${inputClassName}` : 'input'}
            type="number"
            min={min}
            max={max}
            step={step}
            inputMode="decimal"
            placeholder={placeholder}
            title={title}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
          {error && (
            <span id={`${inputId}-error`} className="error-text small">
              {error}
            </span>
          )}
        </>
      )}
    </Field>
  );
}
