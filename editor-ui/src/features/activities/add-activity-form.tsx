import { useId, useState, type FormEvent } from 'react';
import type { ActivityKind } from '../../api/activity-types';
import { errorMessage } from '../../components/page-state';
import { useSession } from '../../session/session';
import { KIND_LABELS } from './activity-labels';
import { useAddActivity } from './activity-queries';
import { toActivityInput, validateActivityDraft, type ActivityDraft, type ActivityDraftErrors, NOTE_MAX, TITLE_MAX } from './activity-validation';
import { AssigneeSelect } from './assignee-select';
import { FormField } from './form-field';
import { TimingFields } from './timing-fields';

// No assignee means me: the backend assigns the caller.
const EMPTY_DRAFT: ActivityDraft = { kind: 'follow-up', title: '', note: '', due: '', start: '', end: '', assigneeId: '' };

/** Adds a follow-up, to-do or event to the case, for the user or a colleague; checks what the backend would refuse before sending. */
export function AddActivityForm({ instanceId }: { instanceId: string }) {
  const id = useId();
  const { me } = useSession();
  const add = useAddActivity(instanceId);
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [errors, setErrors] = useState<ActivityDraftErrors>({});
  const [added, setAdded] = useState<string | null>(null);

  const change = <K extends keyof ActivityDraft>(field: K, value: ActivityDraft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
    setAdded(null);
    add.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateActivityDraft(draft);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    add.mutate(toActivityInput({ ...draft, assigneeId: draft.assigneeId === me?.id ? '' : draft.assigneeId }), {
      onSuccess: (activity) => {
        setAdded(`${KIND_LABELS[activity.kind]} “${activity.title}” added for ${activity.assignee.name}.`);
        setDraft(EMPTY_DRAFT);
      },
    });
  };

  return (
    <form className="inline-form activity-form" aria-labelledby={`${id}-title`} noValidate onSubmit={submit}>
      <h3 id={`${id}-title`}>Add activity</h3>
      <FormField id={`${id}-kind`} label="Kind">
        <select value={draft.kind} onChange={(event) => change('kind', event.target.value as ActivityKind)}>
          {Object.entries(KIND_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id={`${id}-name`} label="Title" error={errors.title} className="field field-grow">
        <input maxLength={TITLE_MAX} value={draft.title} onChange={(event) => change('title', event.target.value)} />
      </FormField>
      <TimingFields idPrefix={id} kind={draft.kind} timing={draft} errors={errors} onChange={(field, value) => change(field, value)} />
      <FormField id={`${id}-assignee`} label="Assignee">
        <AssigneeSelect id={`${id}-assignee`} value={draft.assigneeId || (me?.id ?? '')} onChange={(value) => change('assigneeId', value)} />
      </FormField>
      <FormField id={`${id}-note`} label="Note" error={errors.note} className="field activity-note">
        <textarea rows={2} maxLength={NOTE_MAX} value={draft.note} onChange={(event) => change('note', event.target.value)} />
      </FormField>
      <button type="submit" className="button button-primary" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add activity'}
      </button>
      {add.error ? (
        <p className="form-error" role="alert">
          Not added: {errorMessage(add.error)}
        </p>
      ) : null}
      {added ? (
        <p className="muted small" role="status">
          {added}
        </p>
      ) : null}
    </form>
  );
}
