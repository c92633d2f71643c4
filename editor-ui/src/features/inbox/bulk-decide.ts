import type { Decision, Task } from '../../api/types';
import type { DecideInput } from '../task/task-api';

/** The decisions every selected task allows (same key), in the first task's order. */
export function commonDecisions(tasks: Task[]): Decision[] {
  const [first, ...rest] = tasks;
  if (!first) return [];
  return first.decisions.filter((decision) => rest.every((task) => task.decisions.some((d) => d.key === decision.key)));
}

/** Tasks that ask for captured fields cannot share one decision: each needs its own form. */
export function tasksNeedingForm(tasks: Task[]): Task[] {
  return tasks.filter((task) => task.fields.some((field) => field.required && field.type !== 'boolean'));
}

export interface BulkResult {
  decided: Task[];
  failed: Array<{ task: Task; message: string }>;
}

/** Decides each task in turn, so one refusal (say, decided meanwhile) does not stop the others. */
export async function decideAll(
  tasks: Task[],
  input: DecideInput,
  decide: (id: string, input: DecideInput) => Promise<Task>,
): Promise<BulkResult> {
  const result: BulkResult = { decided: [], failed: [] };
  for (const task of tasks) {
    try {
      result.decided.push(await decide(task.id, input));
    } catch (error) {
      result.failed.push({ task, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
