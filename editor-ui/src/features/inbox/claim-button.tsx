import type { Task } from '../../api/types';
import { errorMessage } from '../../components/page-state';
import { claimTask, unclaimTask, useTaskMutation } from '../task/task-api';

interface ClaimButtonProps {
  task: Task;
  myId: string | null;
  onError?: (message: string) => void;
}

/** Claim an unassigned task, give back one's own; a task someone else holds says who. */
export function ClaimButton({ task, myId, onError }: ClaimButtonProps) {
  const claim = useTaskMutation(claimTask);
  const unclaim = useTaskMutation(unclaimTask);
  const busy = claim.isPending || unclaim.isPending;
  const failure = claim.error ?? unclaim.error;
  const report = (error: unknown) => onError?.(errorMessage(error));

  if (task.status !== 'open' && task.status !== 'claimed') return null;
  if (task.assignee && task.assignee.id !== myId) {
    return <span className="muted small">Claimed by {task.assignee.name}</span>;
  }
  const mine = task.assignee?.id === myId && myId !== null;
  return (
    <>
      <button
        type="button"
        className={mine ? 'button' : 'button button-primary'}
        disabled={busy}
        aria-label={`${mine ? 'Unclaim' : 'Claim'} ${task.title}`}
        onClick={(event) => {
          event.stopPropagation();
          (mine ? unclaim : claim).mutate(task.id, { onError: report });
        }}
      >
        {mine ? 'Unclaim' : 'Claim'}
      </button>
      {failure && !onError ? (
        <span className="form-error small" role="alert">
          {errorMessage(failure)}
        </span>
      ) : null}
    </>
  );
}
