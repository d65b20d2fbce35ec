import type { ReactNode } from 'react';
import { Field } from './Field';
import { NumberField } from './NumberField';

interface FilterFormProps {
  /** The form's accessible name, e.g. "Filter mutations". */
  label: string;
  /** Whether any filter is set: Clear filters is disabled otherwise. */
  active: boolean;
  onClear(): void;
  /** The fields. */
  children: ReactNode;
}

/** A table's filter form: its fields, then Clear filters; typing never submits it. */
export function FilterForm({ label, active, onClear, children }: FilterFormProps) {
  return (
    <form
      className="filters"
      aria-label={label}
      role="search"
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
      <button type="button" className="button button-quiet" disabled={!active} onClick={onClear}>
        Clear filters
      </button>
    </form>
  );
}

interface SearchFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  /** Classes beside `field field-compact`; `field-wide` unless told. */
  fieldClassName?: string;
  /** Classes beside `input` on the input, e.g. `input-search`. */
  inputClassName?: string;
  role?: string;
}

/** A labelled text search of a filter: an id or a mutation, as typed. */
export function SearchField({
  label,
  value,
  onChange,
  placeholder,
  fieldClassName = 'field-wide',
  inputClassName,
  role,
}: SearchFieldProps) {
  return (
    <Field label={label} className={fieldClassName} role={role}>
      {(inputId) => (
        <input
          id={inputId}
          className={inputClassName ? `input ${inputClassName}` : 'input'}
          type="search"
          placeholder={placeholder}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

export interface NumberFilter<K extends string> {
  key: K;
  label: string;
  placeholder: string;
}

interface NumberFilterFieldsProps<K extends string> {
  fields: readonly NumberFilter<K>[];
  /** The numbers as typed, by key. */
  values: Record<K, string>;
  /** The largest number any field takes (100 for percentages); none when left out. */
  max?: number;
  onChange(key: K, value: string): void;
}

/** A filter's number bounds (from 0), one field each. */
export function NumberFilterFields<K extends string>({
  fields,
  values,
  max,
  onChange,
}: NumberFilterFieldsProps<K>) {
  return fields.map((field) => (
    <NumberField
      key={field.key}
      label={field.label}
      min={0}
      max={max}
      step="any"
      placeholder={field.placeholder}
      value={values[field.key]}
      onChange={(value) => onChange(field.key, value)}
    />
  ));
}
