import { useId } from 'react';
import type { FlowProblem } from '../../../../api/types';
import type { Option } from '../designer-lists';
import { parseFieldValue, type FieldSchema } from '../model/step-schemas';
import { FieldProblems } from './field-problems';
import { useFieldGesture } from './use-field-gesture';

interface SchemaFieldProps {
  field: FieldSchema;
  value: unknown;
  options: Option[];
  problems: FlowProblem[];
  /** `gesture` groups the keystrokes of one focus into one undo step. */
  onChange: (value: unknown, gesture?: string) => void;
}

/** One input of the properties panel, as its schema describes it. */
export function SchemaField({ field, value, options, problems, onChange }: SchemaFieldProps) {
  const id = useId();
  const { gesture, onFocus } = useFieldGesture(`${field.target}.${field.name}`);
  const invalid = problems.some((problem) => problem.severity === 'error');
  if (field.input === 'checkbox') {
    return (
      <div className="designer-field designer-check">
        <input id={id} type="checkbox" checked={value === true} onChange={(event) => onChange(parseFieldValue(field, event.target.checked))} />
        <label htmlFor={id}>{field.label}</label>
        <FieldProblems problems={problems} />
      </div>
    );
  }
  const text = value === undefined || value === null ? '' : String(value);
  return (
    <div className="designer-field">
      <label htmlFor={id}>{field.label}</label>
      {field.input === 'select' ? (
        <select id={id} value={text} aria-invalid={invalid} onChange={(event) => onChange(parseFieldValue(field, event.target.value))}>
          {field.empty !== undefined || text === '' ? <option value="">{field.empty || '— choose —'}</option> : null}
          {text !== '' && !options.some((option) => option.value === text) ? <option value={text}>{text} (unknown)</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type={field.input === 'number' ? 'number' : 'text'}
          value={text}
          aria-invalid={invalid}
          onFocus={onFocus}
          onChange={(event) => onChange(parseFieldValue(field, event.target.value), gesture())}
        />
      )}
      <FieldProblems problems={problems} />
    </div>
  );
}
