import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import type { TaskDetail } from '../../api/types';
import { errorMessage } from '../../components/page-state';
import { CapturedFieldInputs } from './captured-field-inputs';
import { capturedValues, hasErrors, validateDecision, type DecisionDraft, type DecisionErrors } from './decision-validation';
import { decideTask, useTaskMutation } from './task-api';

interface DecisionFormProps {
  task: TaskDetail;
  /** A decision chosen beforehand (the inbox's number keys). */
  initialDecision?: string;
  onDecided: () => void;
  /** The task was decided or withdrawn by someone else while this form was open. */
  onConflict: (message: string) => void;
}

const NO_ERRORS: DecisionErrors = { fields: {} };

/** The decisions as buttons; a button sends its decision with the comment and captured fields. */
export function DecisionForm({ task, initialDecision, onDecided, onConflict }: DecisionFormProps) {
  const [draft, setDraft] = useState<DecisionDraft>({ decision: initialDecision ?? '', comment: '', fields: {} });
  const [errors, setErrors] = useState<DecisionErrors>(NO_ERRORS);
  const decide = useTaskMutation((next: DecisionDraft) =>
    decideTask(task.id, { decision: next.decision, comment: next.comment.trim() || undefined, fields: capturedValues(task.fields, next.fields) }),
  );
  const commentRequiredBy = task.decisions.filter((d) => d.commentRequired).map((d) => d.label);

  const send = (decisionKey: string) => {
    const next = { ...draft, decision: decisionKey };
    setDraft(next);
    const found = validateDecision(task.decisions, task.fields, next);
    setErrors(found);
    if (hasErrors(found)) return;
    decide.mutate(next, {
      onSuccess: onDecided,
      onError: (error) => {
        if (error instanceof ApiError && error.isConflict) onConflict(error.message);
      },
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.decision) send(draft.decision);
  };

  const serverError = decide.error && !(decide.error instanceof ApiError && decide.error.isConflict) ? errorMessage(decide.error) : null;
  return (
    <form className="decision-form" aria-label="Decide" onSubmit={submit} noValidate>
      <label className="field">
        <span>
          Comment
          {commentRequiredBy.length > 0 ? <span className="muted"> (required to {commentRequiredBy.join(', ').toLowerCase()})</span> : null}
        </span>
        <textarea
          rows={4}
          value={draft.comment}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={errors.comment ? 'comment-error' : undefined}
          onChange={(e) => setDraft({ ...draft, comment: e.target.value })}
        />
        {errors.comment ? (
          <span id="comment-error" className="form-error" role="alert">
            {errors.comment}
          </span>
        ) : null}
      </label>
      <CapturedFieldInputs fields={task.fields} values={draft.fields} errors={errors.fields} onChange={(fields) => setDraft({ ...draft, fields })} />
      {errors.decision ? (
        <p className="form-error" role="alert">
          {errors.decision}
        </p>
      ) : null}
      {serverError ? (
        <p className="form-error" role="alert">
          {serverError}
        </p>
      ) : null}
      <div className="decision-buttons" role="group" aria-label="Decisions">
        {task.decisions.map((decision, index) => (
          <button
            key={decision.key}
            type="button"
            className={`button decision-button${draft.decision === decision.key ? ' decision-chosen' : ''}`}
            disabled={decide.isPending}
            aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
            onClick={() => send(decision.key)}
          >
            {decision.label}
          </button>
        ))}
      </div>
      {decide.isPending ? <p className="muted">Sending your decision…</p> : null}
    </form>
  );
}
