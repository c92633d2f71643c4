import type { ActivityKind, ActivityTable, TaskTable } from '../database/tables';
import type { AgendaCase } from './agenda.repository';

/** One thing on someone's agenda: a task they hold, or one of their activities. */
export interface AgendaEntry {
  type: 'task' | ActivityKind;
  id: string;
  title: string;
  note: string;
  /** Due time, or an event's start; null for work with no date. */
  at: number | null;
  endAt: number | null;
  instanceId: string;
  case: AgendaCase | null;
  link: string;
}

export function agendaEntries(tasks: TaskTable[], activities: ActivityTable[], cases: Map<string, AgendaCase>): AgendaEntry[] {
  const fromTasks = tasks.map((task): AgendaEntry => ({
    type: 'task',
    id: task.id,
    title: task.title,
    note: task.instructions,
    at: task.dueAt,
    endAt: null,
    instanceId: task.instanceId,
    case: cases.get(task.instanceId) ?? null,
    link: `/tasks/${task.id}`,
  }));
  const fromActivities = activities.map((activity): AgendaEntry => ({
    type: activity.kind,
    id: activity.id,
    title: activity.title,
    note: activity.note,
    at: activity.dueAt ?? activity.startAt,
    endAt: activity.endAt,
    instanceId: activity.instanceId,
    case: cases.get(activity.instanceId) ?? null,
    link: `/instances/${activity.instanceId}`,
  }));
  return [...fromTasks, ...fromActivities].sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.title.localeCompare(b.title));
}

/** Past its time and still to do: a due time gone, or an event that has ended. */
export const isOverdue = (entry: Pick<AgendaEntry, 'at' | 'endAt'>, now: number): boolean => {
  const deadline = entry.endAt ?? entry.at;
  return deadline !== null && deadline < now;
};
