import { useId, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** Classes beside `field field-compact`, e.g. `field-wide`. */
  className?: string;
  role?: string;
  /** The control, given the id its label points to. */
  children(inputId: string): ReactNode;
}

/** A compact labelled field: the frame that every select, number and search field shares. */
export function Field({ label, className, role, children }: FieldProps) {
  const inputId = useId();
  return (
    <div
      className={className ? `field field-compact ${className}` : 'field field-compact'}
      role={role}
    >
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {children(inputId)}
    </div>
  );
}
