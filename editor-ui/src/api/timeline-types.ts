import type { ActivityResponse } from './activity-types';
import type { CaseDocument } from './document-types';
import type { MessageAttachment, MessageKind } from './message-types';
import type { CaseExecution, Instance, QueueRef, StageVisit, Task } from './types';

/** What GET /instances/:id adds to an instance: everything its timeline is made of. */

export interface Timer {
  id: string;
  label?: string | null;
  anchorField?: string | null;
  fireAt: string;
  /** pending, fired, past (its time had passed at registration or when its anchor moved), cancelled. */
  status: 'pending' | 'fired' | 'past' | 'cancelled' | string;
  firedAt?: string | null;
  /** Its anchor date moved at least once (and its fire time with it). */
  moved?: boolean;
  createdAt?: string;
  /** Why the call that was to resume its execution never got through. */
  resumeError?: string | null;
}

export interface Message {
  id: string;
  instanceId?: string | null;
  templateKey?: string | null;
  templateVersion?: number | null;
  channel?: string;
  subject: string;
  text?: string | null;
  html?: string | null;
  recipients: string[];
  /** Absent from backends before communication kinds. */
  kind?: MessageKind;
  attachments?: MessageAttachment[];
  status: 'queued' | 'sent' | 'failed' | string;
  error?: string | null;
  createdAt: string;
  sentAt?: string | null;
}

export interface Escalation {
  id: string;
  taskId?: string | null;
  ladderStep?: number | null;
  action?: 'notify' | 'escalate';
  reason: string;
  fromQueue?: QueueRef | null;
  toQueue?: QueueRef | null;
  toUser?: { id: string; name: string } | null;
  priority?: number | null;
  actor?: string;
  createdAt: string;
}

export interface Delivery {
  id: string;
  kind: string;
  /** Only the origin: a resume URL is a capability and never leaves the backend. */
  target?: string | null;
  status: 'pending' | 'delivered' | 'dead' | string;
  attempts: number;
  maxAttempts?: number;
  lastError?: string | null;
  nextAttemptAt?: string | null;
  deliveredAt?: string | null;
  createdAt: string;
}

export interface TimelineEvent {
  id: string;
  type: string;
  taskId?: string | null;
  actor: { type: string; id: string | null; name: string | null };
  data: Record<string, unknown>;
  at: string;
}

/** The structured lists are optional: when one is missing, the timeline falls back to the events. */
export interface InstanceDetail extends Instance {
  stageVisits: StageVisit[];
  timeline: TimelineEvent[];
  tasks?: Task[];
  timers?: Timer[];
  messages?: Message[];
  escalations?: Escalation[];
  deliveries?: Delivery[];
  executions?: CaseExecution[];
  /** The case's files, newest first (absent from backends before documents). */
  documents?: CaseDocument[];
  /** Follow-ups, to-dos and events, open first (absent from backends before activities). */
  activities?: ActivityResponse[];
}
