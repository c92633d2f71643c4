import { BadRequestException } from '@nestjs/common';
import type { QueueTable, TaskTable, UserTable } from '../database/tables';
import type { EscalationsRepository } from './escalations.repository';

export interface EscalationTarget {
  queue: QueueTable | null;
  user: UserTable | null;
  /** The person named, when they are away and `user` covers for them. */
  coveredFor?: UserTable | null;
}

export const fieldError = (field: string, message: string): BadRequestException =>
  new BadRequestException({ message: `${field}: ${message}`, details: [{ field, messages: [message] }] });

/**
 * Where the work goes. A reviewer only ever sees their own queues' tasks, so handing a task to a
 * reviewer outside the queue it lands in would make it invisible to them.
 */
export async function resolveTarget(
  repository: EscalationsRepository,
  input: { toQueue?: string; toUser?: string },
  landingQueueId: string | null,
): Promise<EscalationTarget> {
  const queue = input.toQueue ? await repository.findQueue(input.toQueue) : null;
  if (input.toQueue && !queue) throw fieldError('toQueue', `there is no queue "${input.toQueue}"`);
  const user = input.toUser ? await repository.findUser(input.toUser) : null;
  if (input.toUser && !user) throw fieldError('toUser', `there is no user "${input.toUser}"`);
  if (user && !user.active) throw fieldError('toUser', `${user.name} is deactivated`);
  const queueId = queue?.id ?? landingQueueId;
  if (user?.role === 'reviewer' && (!queueId || !(await repository.isMember(queueId, user.id)))) {
    throw fieldError('toUser', `${user.name} is a reviewer outside the queue the work lands in`);
  }
  return { queue, user };
}

/** The task's new state: moved, reassigned, released when someone else had claimed it, priority raised. */
export function escalatedTask(
  task: TaskTable,
  target: EscalationTarget,
  priority: number | undefined,
  now: number,
): Pick<TaskTable, 'queueId' | 'assigneeId' | 'status' | 'priority' | 'updatedAt'> {
  if (priority !== undefined && priority < task.priority) {
    throw fieldError('priority', `would lower the task's priority from ${task.priority} to ${priority}; escalation only raises it`);
  }
  const reassigned = Boolean(target.queue || target.user);
  const assigneeId = reassigned ? (target.user?.id ?? null) : task.assigneeId;
  const status = task.status === 'claimed' && assigneeId !== task.assigneeId ? 'open' : task.status;
  return {
    queueId: target.queue?.id ?? task.queueId,
    assigneeId,
    status,
    priority: Math.max(task.priority, priority ?? task.priority),
    updatedAt: now,
  };
}
