import type { SlaState, TaskStatus } from '../api/types';

export interface SlaInput {
  sla?: SlaState;
  status: TaskStatus;
  dueAt: string | null;
  createdAt: string;
  /** Set when the stage's SLA clock is paused (waiting on the customer, outside working hours). */
  slaPaused?: boolean;
}

/** The share of the allowed time left under which a task counts as at risk. */
export const AT_RISK_SHARE = 0.25;

/**
 * The SLA state of a task. The backend's own verdict wins (it knows business calendars);
 * without one, the due time decides: past due → breached, last quarter of the window → at risk.
 */
export function slaStateOf(task: SlaInput, now: number = Date.now()): SlaState {
  if (task.status === 'decided' || task.status === 'cancelled' || task.status === 'expired') return 'none';
  if (task.slaPaused) return 'paused';
  if (task.sla) return task.sla;
  if (!task.dueAt) return 'none';
  const due = new Date(task.dueAt).getTime();
  const created = new Date(task.createdAt).getTime();
  if (now >= due) return 'breached';
  const window = due - created;
  if (window > 0 && (due - now) / window <= AT_RISK_SHARE) return 'at_risk';
  return 'on_time';
}

export const SLA_LABELS: Record<SlaState, string> = {
  on_time: 'On time',
  at_risk: 'At risk',
  breached: 'Breached',
  paused: 'Paused',
  none: 'No SLA',
};
