import { useId } from 'react';

interface DraftFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The backend's (or the form's) message for this field: shown under it, and the field marked invalid. */
  error?: string;
  /** Template source: a monospace textarea of this many rows; otherwise a one-line input. */
  rows?: number;
  readOnly?: boolean;
  required?: boolean;
  hint?: string;
}

/** One field of a message template, with its error placed right under it. */
export function DraftField({ label, value, onChange, error, rows, readOnly, required, hint }: DraftFieldProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    value,
    readOnly,
    required,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea {...common} id={id} className="code-input" rows={rows} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} id={id} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint ? (
        <small id={`${id}-hint`} className="muted small">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} className="form-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
