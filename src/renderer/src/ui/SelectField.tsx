import type { ReactNode } from 'react';
import { Field } from './Field';

interface SelectFieldProps {
  label: string;
  value: string | number;
  onChange(value: string): void;
  /** The `<option>`s (and `<optgroup>`s). */
  children: ReactNode;
  /** Classes beside `input` on the select, e.g. `input-narrow`. */
  inputClassName?: string;
  /** Classes beside `field field-compact`, e.g. `field-inline`. */
  fieldClassName?: string;
  disabled?: boolean;
  title?: string;
}

/** A labelled select; it hands the chosen option's value on as typed. */
export function SelectField({
  label,
  value,
  onChange,
  children,
  inputClassName,
  fieldClassName,
  disabled,
  title,
}: SelectFieldProps) {
  return (
    <Field label={label} className={fieldClassName}>
      {(inputId) => (
        <select
          id={inputId}
          className={inputClassName ? `input ${inputClassName}` : 'input'}
          value={value}
          disabled={disabled}
          title={title}
          onChange={(event) => onChange(event.target.value)}
        >
          {children}
        </select>
      )}
    </Field>
  );
}
