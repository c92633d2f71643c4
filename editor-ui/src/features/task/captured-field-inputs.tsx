import type { TaskField } from '../../api/types';
import type { DecisionDraft } from './decision-validation';

interface CapturedFieldInputsProps {
  fields: TaskField[];
  values: DecisionDraft['fields'];
  errors: Record<string, string>;
  onChange: (values: DecisionDraft['fields']) => void;
}

const INPUT_TYPES: Record<TaskField['type'], string> = { string: 'text', number: 'number', date: 'date', boolean: 'checkbox' };

/** The values the reviewer captures with the decision. */
export function CapturedFieldInputs({ fields, values, errors, onChange }: CapturedFieldInputsProps) {
  if (fields.length === 0) return null;
  return (
    <fieldset className="captured-fields">
      <legend>Details to capture</legend>
      {fields.map((field) => {
        const error = errors[field.key];
        const errorId = `field-${field.key}-error`;
        if (field.type === 'boolean') {
          return (
            <label key={field.key} className="field field-check">
              <input type="checkbox" checked={values[field.key] === true} onChange={(e) => onChange({ ...values, [field.key]: e.target.checked })} />
              <span>{field.label}</span>
            </label>
          );
        }
        return (
          <label key={field.key} className="field">
            <span>
              {field.label}
              {field.required ? <span aria-hidden="true"> *</span> : null}
            </span>
            <input
              type={INPUT_TYPES[field.type]}
              value={typeof values[field.key] === 'string' ? (values[field.key] as string) : ''}
              required={field.required}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
              onChange={(e) => onChange({ ...values, [field.key]: e.target.value })}
            />
            {error ? (
              <span id={errorId} className="form-error" role="alert">
                {error}
              </span>
            ) : null}
          </label>
        );
      })}
    </fieldset>
  );
}
