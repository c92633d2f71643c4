import type { Actor, Instance, StageVisit, Task } from './types';

/** What GET /instances/:id adds to an instance: everything its timeline is made of. */

export interface Timer {
  id: string;
  label?: string | null;
  fireAt: string;
  status: string;
  firedAt?: string | null;
}

export interface Message {
  id: string;
  templateKey?: string | null;
  templateVersion?: number | null;
  channel?: string;
  subject: string;
  text?: string | null;
  html?: string | null;
  recipients: string[] | Array<{ address: string }> | Record<string, unknown>;
  status: string;
  createdAt?: string;
  sentAt?: string | null;
}

export interface Escalation {
  id: string;
  taskId?: string | null;
  reason: string;
  step?: number | null;
  fromQueue?: { key: string; name: string } | string | null;
  toQueue?: { key: string; name: string } | string | null;
  toUser?: { id: string; name: string } | string | null;
  priority?: number | null;
  createdAt: string;
}

export interface Delivery {
  id: string;
  kind: string;
  targetUrl?: string;
  status: string;
  attempts: number;
  lastError?: string | null;
  nextAttemptAt?: string | null;
  deliveredAt?: string | null;
  createdAt: string;
}

export interface TimelineEvent {
  id: string;
  type: string;
  actor?: Actor | string | null;
  data?: Record<string, unknown>;
  at: string;
}

export interface InstanceDetail extends Instance {
  stageVisits: StageVisit[];
  tasks: Task[];
  timers: Timer[];
  messages: Message[];
  escalations: Escalation[];
  deliveries: Delivery[];
  timeline: TimelineEvent[];
}

export interface MailboxMessage extends Message {
  instanceId?: string | null;
}
