import type { Task } from '../../api/types';
import { errorMessage } from '../../components/page-state';
import { claimTask, decideTask, unclaimTask, useTaskMutation } from '../task/task-api';
import { decidableWithoutForm } from '../task/decision-validation';

interface InboxActionsOptions {
  myId: string | null;
  onNotice: (notice: { kind: 'ok' | 'error'; text: string }) => void;
  openTask: (taskId: string, decision?: string) => void;
}

/** What the keyboard does to the task under the cursor. */
export function useInboxActions({ myId, onNotice, openTask }: InboxActionsOptions) {
  const claim = useTaskMutation(claimTask);
  const unclaim = useTaskMutation(unclaimTask);
  const decide = useTaskMutation(({ id, decision }: { id: string; decision: string }) => decideTask(id, { decision }));
  const fail = (error: unknown) => onNotice({ kind: 'error', text: errorMessage(error) });

  return {
    open: (task: Task) => openTask(task.id),
    toggleClaim: (task: Task) => {
      if (task.assignee && task.assignee.id !== myId) {
        return onNotice({ kind: 'error', text: `${task.title} is claimed by ${task.assignee.name}.` });
      }
      const mine = task.assignee !== null && task.assignee.id === myId;
      (mine ? unclaim : claim).mutate(task.id, {
        onSuccess: () => onNotice({ kind: 'ok', text: `${mine ? 'Unclaimed' : 'Claimed'} ${task.title}.` }),
        onError: fail,
      });
    },
    /** Decisions needing a comment or fields open the task page with that decision chosen. */
    decideByIndex: (task: Task, index: number) => {
      const decision = task.decisions[index];
      if (!decision) return onNotice({ kind: 'error', text: `${task.title} has no decision number ${index + 1}.` });
      if (!decidableWithoutForm(decision, task.fields)) return openTask(task.id, decision.key);
      decide.mutate(
        { id: task.id, decision: decision.key },
        { onSuccess: () => onNotice({ kind: 'ok', text: `${decision.label}: ${task.title}.` }), onError: fail },
      );
    },
  };
}
