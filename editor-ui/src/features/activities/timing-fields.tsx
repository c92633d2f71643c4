import type { ActivityKind } from '../../api/activity-types';
import type { ActivityDraftErrors, Timing } from './activity-validation';
import { FormField } from './form-field';

interface TimingFieldsProps {
  idPrefix: string;
  kind: ActivityKind;
  timing: Timing;
  errors: ActivityDraftErrors;
  onChange: (field: keyof Timing, value: string) => void;
}

/** "Due" for a follow-up or to-do; "Starts" and "Ends" for an event. Local time, in datetime-local inputs. */
export function TimingFields({ idPrefix, kind, timing, errors, onChange }: TimingFieldsProps) {
  if (kind === 'event') {
    return (
      <>
        <FormField id={`${idPrefix}-start`} label="Starts" error={errors.start}>
          <input type="datetime-local" required value={timing.start} onChange={(event) => onChange('start', event.target.value)} />
        </FormField>
        <FormField id={`${idPrefix}-end`} label="Ends" error={errors.end}>
          <input type="datetime-local" required value={timing.end} onChange={(event) => onChange('end', event.target.value)} />
        </FormField>
      </>
    );
  }
  return (
    <FormField id={`${idPrefix}-due`} label={kind === 'follow-up' ? 'Due' : 'Due (optional)'} error={errors.due}>
      <input type="datetime-local" required={kind === 'follow-up'} value={timing.due} onChange={(event) => onChange('due', event.target.value)} />
    </FormField>
  );
}
