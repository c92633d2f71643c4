/** Response shapes of the Caseflow REST API (see briefs/api-contract.md), as the UI reads them. */

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export type Role = 'admin' | 'designer' | 'reviewer' | 'viewer';
export type Permission =
  | 'entities:read'
  | 'entities:write'
  | 'processes:read'
  | 'processes:write'
  | 'instances:read'
  | 'instances:launch'
  | 'instances:write'
  | 'tasks:read'
  | 'tasks:write'
  | 'tasks:create'
  | 'tasks:supervise'
  | 'webhooks:write'
  | 'messages:read'
  | 'messages:write'
  | 'reports:read'
  | 'admin';

export interface Me {
  type: string;
  id: string | null;
  name: string;
  role: Role | null;
  permissions: Permission[];
}

export interface QueueRef {
  id: string;
  key: string;
  name: string;
}

export interface Queue extends QueueRef {
  description: string | null;
  calendarKey: string | null;
  supervisorQueueKey: string | null;
  memberCount: number;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  queues: QueueRef[];
  createdAt: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt?: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

export interface CreatedApiKey extends ApiKey {
  key: string;
}

export type WorkingHours = Partial<Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<[string, string]>>>;

export interface Calendar {
  id: string;
  key: string;
  name: string;
  timeZone: string;
  workingHours: WorkingHours;
  holidays: string[];
}

export interface EntityType {
  key: string;
  name: string;
  builtin?: boolean;
}

export interface Entity {
  id: string;
  type: string;
  externalId: string;
  name: string;
  email: string | null;
  managerEmail: string | null;
  attributes: Record<string, unknown>;
  createdAt?: string;
  updatedAt?: string;
}

export interface Decision {
  key: string;
  label: string;
  commentRequired?: boolean;
}

export interface EscalationStep {
  action: 'notify' | 'escalate';
  atPercent?: number;
  afterBreachMinutes?: number;
  toQueue?: string;
  toUser?: string;
  priority?: number;
  template?: string;
}

export interface Stage {
  key: string;
  name: string;
  ownerQueue?: string;
  slaMinutes?: number;
  stallAfterMinutes?: number;
  calendar?: string;
  escalation?: EscalationStep[];
}

export interface IntakeField {
  path: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'email' | 'boolean' | 'choice' | 'file';
  required: boolean;
  help?: string;
  options?: string[];
}

export interface Process {
  id: string;
  key: string;
  version: number;
  status: string;
  name: string;
  description: string | null;
  entityTypes: string[];
  stages: Stage[];
  decisions: Decision[];
  intake?: IntakeField[];
  calendarKey?: string | null;
  publishedAt: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export type InstanceStatus = 'active' | 'waiting' | 'completed' | 'cancelled' | 'failed';

export interface Instance {
  id: string;
  processKey: string;
  processVersion: number;
  status: InstanceStatus;
  currentStage: { key: string; name: string; enteredAt: string; slaDueAt: string | null } | null;
  outcome: string | null;
  data: Record<string, unknown>;
  entity: Entity | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Why a failed case needs attention; null (or absent from older backends) otherwise. */
  failure?: InstanceFailure | null;
}

/** n8n's error for a failed execution, or its reason for refusing to resume one. */
export interface InstanceFailure {
  message: string;
  node: string | null;
  executionId: string | null;
  workflowId: string | null;
  /** The execution in the n8n editor, when the backend knows n8n's address. */
  executionUrl: string | null;
  source: 'execution' | 'resume';
  at: string;
}

export type ExecutionStatus = 'running' | 'waiting' | 'success' | 'error' | 'canceled' | 'unknown';

/** An n8n execution that acted on a case, as n8n last described it. */
export interface CaseExecution {
  executionId: string;
  workflowId: string | null;
  status: ExecutionStatus;
  error: { message: string; node: string | null } | null;
  executionUrl: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

export interface StageVisit {
  id: string;
  stageKey: string;
  stageName: string;
  ownerQueue: QueueRef | null;
  assigneeId: string | null;
  enteredAt: string;
  exitedAt: string | null;
  durationMs: number | null;
  slaDueAt: string | null;
  slaPaused?: boolean;
  breached: boolean;
}

export type SlaState = 'on_time' | 'at_risk' | 'breached' | 'paused' | 'none';
export type TaskStatus = 'open' | 'claimed' | 'decided' | 'cancelled' | 'expired';

export interface TaskField {
  key: string;
  label: string;
  type: 'string' | 'number' | 'boolean' | 'date';
  required?: boolean;
}

export interface Actor {
  id: string | null;
  name: string;
  type?: string;
}

export interface Task {
  id: string;
  instanceId: string;
  processKey: string;
  stageKey: string | null;
  queue: QueueRef;
  assignee: { id: string; name: string } | null;
  title: string;
  instructions: string;
  decisions: Decision[];
  fields: TaskField[];
  dueAt: string | null;
  priority: number;
  status: TaskStatus;
  decision: string | null;
  comment: string | null;
  captured: Record<string, unknown> | null;
  decidedBy: Actor | null;
  decidedAt: string | null;
  createdAt: string;
  sla?: SlaState;
}

export interface TaskComment {
  id: string;
  body: string;
  author?: Actor | null;
  createdAt: string;
}

export interface TaskDetail extends Task {
  instance: Instance;
  entity: Entity | null;
  comments: TaskComment[];
}

export interface QueueCount {
  queue: QueueRef;
  open: number;
  overdue: number;
}
