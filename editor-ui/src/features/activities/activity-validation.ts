import type { ActivityInput, ActivityKind } from '../../api/activity-types';
import { fromLocalInput } from './local-time';

/** The add form's values as typed: times are datetime-local strings, in local time. */
export interface ActivityDraft {
  kind: ActivityKind;
  title: string;
  note: string;
  due: string;
  start: string;
  end: string;
  /** '' for "me": the backend then assigns the caller. */
  assigneeId: string;
}

export type Timing = Pick<ActivityDraft, 'due' | 'start' | 'end'>;
export type ActivityDraftErrors = Partial<Record<'title' | 'note' | keyof Timing, string>>;

export const TITLE_MAX = 200;
export const NOTE_MAX = 4000;
const NOT_A_TIME = 'Enter a date and a time.';

/** The same rules as the backend: a follow-up needs a due time, an event a start before its end. */
export function validateTiming(kind: ActivityKind, timing: Timing): ActivityDraftErrors {
  const errors: ActivityDraftErrors = {};
  if (kind === 'event') {
    const start = fromLocalInput(timing.start);
    const end = fromLocalInput(timing.end);
    if (timing.start.trim() === '') errors.start = 'An event needs a start time.';
    else if (!start) errors.start = NOT_A_TIME;
    if (timing.end.trim() === '') errors.end = 'An event needs an end time.';
    else if (!end) errors.end = NOT_A_TIME;
    else if (start && end <= start) errors.end = 'The end must be after the start.';
    return errors;
  }
  if (timing.due.trim() === '') {
    if (kind === 'follow-up') errors.due = 'A follow-up needs a due time.';
  } else if (!fromLocalInput(timing.due)) {
    errors.due = NOT_A_TIME;
  }
  return errors;
}

export function validateActivityDraft(draft: ActivityDraft): ActivityDraftErrors {
  const errors: ActivityDraftErrors = validateTiming(draft.kind, draft);
  const title = draft.title.trim();
  if (title === '') errors.title = 'Give the activity a title.';
  else if (title.length > TITLE_MAX) errors.title = `The title can be at most ${TITLE_MAX} characters.`;
  if (draft.note.length > NOTE_MAX) errors.note = `The note can be at most ${NOTE_MAX} characters.`;
  return errors;
}

/** The timing fields of a valid draft as the API wants them: only those its kind uses. */
export function toTimingBody(kind: ActivityKind, timing: Timing): Pick<ActivityInput, 'dueAt' | 'startAt' | 'endAt'> {
  if (kind === 'event') return { startAt: fromLocalInput(timing.start) ?? undefined, endAt: fromLocalInput(timing.end) ?? undefined };
  const dueAt = fromLocalInput(timing.due);
  return dueAt ? { dueAt } : {};
}

/** The POST body for a valid draft. */
export function toActivityInput(draft: ActivityDraft): ActivityInput {
  const note = draft.note.trim();
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    ...(note ? { note } : {}),
    ...toTimingBody(draft.kind, draft),
    ...(draft.assigneeId ? { assigneeId: draft.assigneeId } : {}),
  };
}
