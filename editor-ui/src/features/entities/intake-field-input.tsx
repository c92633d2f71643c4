import { useId } from 'react';
import type { IntakeField } from '../../api/types';

const INPUT_TYPES: Record<string, string> = { text: 'text', date: 'date', email: 'email' };

interface IntakeFieldInputProps {
  field: IntakeField;
  value: string | boolean | undefined;
  file: File | undefined;
  error: string | undefined;
  onValue: (value: string) => void;
  onFile: (file: File | undefined) => void;
}

/** One intake field: its label (required marked), the input its type asks for, its help, and its problem right under it. */
export function IntakeFieldInput({ field, value, file, error, onValue, onFile }: IntakeFieldInputProps) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, field.help ? `${id}-help` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, required: field.required, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  const text = typeof value === 'string' ? value : value === true ? 'yes' : '';
  return (
    <div className="field">
      {/* The star stays outside the label so the field's name is its label alone; `required` tells assistive technology. */}
      <span className="field-label">
        <label htmlFor={id}>{field.label}</label>
        {field.required ? (
          <span className="required-mark" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </span>
      {field.type === 'file' ? (
        <>
          <input {...common} type="file" onChange={(e) => onFile(e.target.files?.[0] ?? undefined)} />
          {file ? <span className="muted small">{file.name}</span> : null}
        </>
      ) : field.type === 'choice' || field.type === 'boolean' ? (
        // Yes/no is a choice too: a checkbox cannot tell "no" from "not answered", which a required field must.
        <select {...common} value={text} onChange={(e) => onValue(e.target.value)}>
          <option value="">—</option>
          {(field.type === 'boolean' ? [['yes', 'Yes'], ['no', 'No']] : (field.options ?? []).map((option) => [option, option])).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      ) : (
        // A number is typed as text so that a wrong one gets this form's message instead of silently becoming empty.
        <input {...common} type={INPUT_TYPES[field.type] ?? 'text'} inputMode={field.type === 'number' ? 'decimal' : undefined} value={text} onChange={(e) => onValue(e.target.value)} />
      )}
      {field.help ? (
        <small id={`${id}-help`} className="muted small">
          {field.help}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} className="form-error">
          {error}
        </small>
      ) : null}
    </div>
  );
}
