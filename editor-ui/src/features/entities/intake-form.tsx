import { useState, type FormEvent } from 'react';
import type { IntakeField } from '../../api/types';
import { intakeData } from './intake-values';

const INPUT_TYPES: Record<string, string> = { text: 'text', number: 'number', date: 'date', email: 'email' };

interface IntakeFormProps {
  fields: IntakeField[];
  busy: boolean;
  onSubmit: (data: Record<string, unknown>) => void;
  onBack: () => void;
}

/** The process's intake as a form: one input per case-data field, required ones marked, help under each. */
export function IntakeForm({ fields, busy, onSubmit, onBack }: IntakeFormProps) {
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const set = (path: string, value: string | boolean) => setValues((current) => ({ ...current, [path]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(intakeData(fields, values));
  };
  return (
    <form className="stack" onSubmit={submit}>
      {fields.map((field) => (
        <label key={field.path} className="field">
          <span>
            {field.label}
            {field.required ? ' *' : ''}
          </span>
          {field.type === 'boolean' ? (
            <input type="checkbox" checked={values[field.path] === true} onChange={(e) => set(field.path, e.target.checked)} />
          ) : field.type === 'choice' ? (
            <select required={field.required} value={String(values[field.path] ?? '')} onChange={(e) => set(field.path, e.target.value)}>
              <option value="">—</option>
              {(field.options ?? []).map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          ) : (
            <input
              type={INPUT_TYPES[field.type] ?? 'text'}
              step={field.type === 'number' ? 'any' : undefined}
              required={field.required}
              value={String(values[field.path] ?? '')}
              onChange={(e) => set(field.path, e.target.value)}
            />
          )}
          {field.help ? <span className="muted small">{field.help}</span> : null}
        </label>
      ))}
      <div className="page-actions">
        <button type="button" className="button" onClick={onBack}>
          Back
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          Start
        </button>
      </div>
    </form>
  );
}
