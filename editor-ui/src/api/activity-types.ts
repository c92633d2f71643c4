/** Follow-ups, to-dos and events on a case, and "My agenda" (issue 14's API contract). */

export type ActivityKind = 'follow-up' | 'to-do' | 'event';
export type ActivityStatus = 'open' | 'done' | 'cancelled';

export interface PersonRef {
  id: string;
  /** Null for someone who is not a user (an API key that completed it). */
  name: string | null;
}

export interface ActivityResponse {
  id: string;
  instanceId: string;
  kind: ActivityKind;
  title: string;
  note: string;
  /** Required on a follow-up, optional on a to-do, null on an event. */
  dueAt: string | null;
  /** An event's start and end (both set, end after start); null otherwise. */
  startAt: string | null;
  endAt: string | null;
  status: ActivityStatus;
  overdue: boolean;
  assignee: PersonRef;
  createdBy: PersonRef | null;
  completedBy: PersonRef | null;
  completedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** POST /instances/:id/activities; assigneeId defaults to the caller. */
export interface ActivityInput {
  kind: ActivityKind;
  title: string;
  note?: string;
  dueAt?: string;
  startAt?: string;
  endAt?: string;
  assigneeId?: string;
}

/** PATCH /activities/:id: moving changes the times, reassigning the assignee. Only open activities. */
export type ActivityChange = Partial<Pick<ActivityInput, 'title' | 'note' | 'assigneeId'>> & {
  dueAt?: string | null;
  startAt?: string;
  endAt?: string;
};

/** An active user, for colleague pickers (GET /people). */
export interface Person extends PersonRef {
  email: string;
  away: null | { until: string; delegate: PersonRef };
}

export type AgendaItemType = 'task' | ActivityKind;

export interface AgendaItem {
  type: AgendaItemType;
  id: string;
  title: string;
  /** Due time (task, follow-up, to-do) or start (event). */
  at: string | null;
  /** An event's end. */
  endAt: string | null;
  overdue: boolean;
  instanceId: string;
  caseName: string | null;
  processKey: string | null;
  /** `/tasks/<id>` or `/instances/<id>`. */
  link: string;
}

export interface AgendaDay {
  /** YYYY-MM-DD in the agenda's time zone. */
  date: string;
  items: AgendaItem[];
}

/** GET /me/agenda: everything of mine, days in the user's time zone. */
export interface AgendaResponse {
  timeZone: string;
  from: string;
  to: string;
  /** Past its time, any date, oldest first. */
  overdue: AgendaItem[];
  /** Only days that have items, in order. */
  days: AgendaDay[];
  /** Open tasks and to-dos with no due time. */
  undated: AgendaItem[];
}
