import { useId, useState, type FormEvent } from 'react';
import type { ActivityChange, ActivityResponse } from '../../api/activity-types';
import { errorMessage } from '../../components/page-state';
import { useChangeActivity } from './activity-queries';
import { toTimingBody, validateTiming, type ActivityDraftErrors, type Timing } from './activity-validation';
import { AssigneeSelect } from './assignee-select';
import { FormField } from './form-field';
import { toLocalInput } from './local-time';
import { TimingFields } from './timing-fields';

interface ChangeFormProps {
  activity: ActivityResponse;
  onDone: () => void;
}

/** The buttons and the refusal every change form shares. */
function ChangeFormFooter({ pending, error, onClose }: { pending: boolean; error: unknown; onClose: () => void }) {
  return (
    <>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
      <button type="button" className="button" onClick={onClose}>
        Close
      </button>
      {error ? (
        <p className="form-error" role="alert">
          Not changed: {errorMessage(error)}
        </p>
      ) : null}
    </>
  );
}

/** New due time (follow-up, to-do) or new start and end (event). */
export function MoveActivityForm({ activity, onDone }: ChangeFormProps) {
  const id = useId();
  const change = useChangeActivity();
  const [timing, setTiming] = useState<Timing>({ due: toLocalInput(activity.dueAt), start: toLocalInput(activity.startAt), end: toLocalInput(activity.endAt) });
  const [errors, setErrors] = useState<ActivityDraftErrors>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateTiming(activity.kind, timing);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const body: ActivityChange = toTimingBody(activity.kind, timing);
    // Emptying a to-do's due time takes it off the calendar.
    if (activity.kind === 'to-do' && body.dueAt === undefined) body.dueAt = null;
    change.mutate({ id: activity.id, change: body }, { onSuccess: onDone });
  };

  return (
    <form className="inline-form activity-change" aria-label={`Move ${activity.title}`} noValidate onSubmit={submit}>
      <TimingFields
        idPrefix={id}
        kind={activity.kind}
        timing={timing}
        errors={errors}
        onChange={(field, value) => {
          setTiming((current) => ({ ...current, [field]: value }));
          setErrors((current) => ({ ...current, [field]: undefined }));
        }}
      />
      <ChangeFormFooter pending={change.isPending} error={change.error} onClose={onDone} />
    </form>
  );
}

/** Gives the activity to a colleague. */
export function ReassignActivityForm({ activity, onDone }: ChangeFormProps) {
  const id = useId();
  const change = useChangeActivity();
  const [assigneeId, setAssigneeId] = useState(activity.assignee.id);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (assigneeId === activity.assignee.id) {
      onDone();
      return;
    }
    change.mutate({ id: activity.id, change: { assigneeId } }, { onSuccess: onDone });
  };

  return (
    <form className="inline-form activity-change" aria-label={`Reassign ${activity.title}`} onSubmit={submit}>
      <FormField id={`${id}-assignee`} label="New assignee">
        <AssigneeSelect id={`${id}-assignee`} value={assigneeId} onChange={setAssigneeId} current={activity.assignee} />
      </FormField>
      <ChangeFormFooter pending={change.isPending} error={change.error} onClose={onDone} />
    </form>
  );
}
