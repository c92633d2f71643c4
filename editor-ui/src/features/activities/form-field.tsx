import type { ReactElement, ReactNode } from 'react';
import { cloneElement } from 'react';

interface FormFieldProps {
  id: string;
  label: ReactNode;
  error?: string;
  className?: string;
  /** The control; it gets the id, and aria-invalid and aria-describedby when there is an error. */
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}

/** A labelled control with its error underneath, tied together for screen readers. */
export function FormField({ id, label, error, className = 'field field-inline', children }: FormFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, ...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}) })}
      {error ? (
        <p className="form-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
