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
  | 'documents:read'
  | 'documents:write'
  | 'activities:write'
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
  /** Some open case of the record is stalled (record lists, issue 14). */
  stalled?: boolean;
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
  /** Reminders to the task's holders before it is due, e.g. [{ beforeMinutes: 1440 }, { beforeMinutes: 60 }]. */
  reminders?: StageReminder[];
}

export interface StageReminder {
  beforeMinutes: number;
}

export interface IntakeField {
  path: string;
  label: string;
  type: 'text' | 'number' | 'date' | 'email' | 'boolean' | 'choice' | 'file';
  required: boolean;
  help?: string;
  options?: string[];
}

/**
 * A process's designed flow, mirroring backend/src/processes/process-flow.ts (the contract): steps, and the
 * links between them. Stage details stay in the process's `stages`, decision labels in its `decisions`.
 */
export type FlowStepKind = 'start' | 'stage' | 'decision' | 'delay' | 'message' | 'escalate' | 'outcome';
export type DelayUnit = 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'businessDays';

export interface FlowPosition {
  x: number;
  y: number;
}

interface FlowStepBase {
  id: string;
  label?: string;
  /** Where the designer placed it; absent steps are auto-laid out. */
  position?: FlowPosition;
}

export interface StartStep extends FlowStepBase {
  kind: 'start';
}

export interface StageStep extends FlowStepBase {
  kind: 'stage';
  stageKey: string;
}

/** One path per decision key, plus "timedOut" when `dueInMinutes` is set. */
export interface DecisionStep extends FlowStepBase {
  kind: 'decision';
  title: string;
  decisions: string[];
  stageKey?: string;
  queue?: string;
  dueInMinutes?: number;
}

export interface DelayStep extends FlowStepBase {
  kind: 'delay';
  anchorField: string;
  amount: number;
  unit: DelayUnit;
  direction: 'after' | 'before';
}

export interface MessageStep extends FlowStepBase {
  kind: 'message';
  template: string;
  toEntity?: boolean;
  toManager?: boolean;
  toQueue?: string;
  /** Extra addresses, comma-separated. */
  addresses?: string;
}

export interface EscalateStep extends FlowStepBase {
  kind: 'escalate';
  reason: string;
  toQueue?: string;
  toUser?: string;
  /** 1 low … 4 urgent. */
  priority?: number;
}

/** Completed with `outcome`, or cancelled when `outcome` is "cancelled". */
export interface OutcomeStep extends FlowStepBase {
  kind: 'outcome';
  outcome: string;
}

export type FlowStep = StartStep | StageStep | DecisionStep | DelayStep | MessageStep | EscalateStep | OutcomeStep;

/** `on` names the decision (or "timedOut") on links leaving a decision step; other links have none. */
export interface FlowLink {
  from: string;
  to: string;
  on?: string;
}

export interface ProcessFlow {
  steps: FlowStep[];
  links: FlowLink[];
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
  /** The designed flow; null (or absent) for versions saved before the designer, drawn from `stages`. */
  flow?: ProcessFlow | null;
  /** The n8n webhook that runs the flow when a case is started from the UI. */
  launchWebhookUrl?: string | null;
  /** When the key was archived (it starts no new cases), else null. */
  archivedAt?: string | null;
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
  /** When the case's current stage visit stalled (issue 14); null or absent while it moves. */
  stalledAt?: string | null;
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

/** One item of the designer's checklist, as POST /processes/check reports it (backend process-flow.ts). */
export interface FlowProblem {
  code: string;
  message: string;
  /** `error` blocks publishing; `warning` does not. */
  severity: 'error' | 'warning';
  stepId?: string;
  /** The definition field, e.g. `stages[1].ownerQueue` or `flow.steps[3].queue`. */
  field?: string;
}

export interface ProcessCheck {
  valid: boolean;
  problems: FlowProblem[];
}

/** What generating a process's n8n workflow would do (POST /processes/:key/n8n-workflow?dryRun=true). */
export interface N8nSyncPlan {
  workflowId: string | null;
  create: boolean;
  add: string[];
  update: string[];
  remove: string[];
  /** Generated nodes someone changed by hand in n8n, and which of their parameters generating would overwrite. */
  overwrite: Array<{ node: string; parameters: string[] }>;
  keep: string[];
}

export interface N8nGenerated {
  workflowId: string | null;
  editorUrl: string | null;
  webhookUrl: string;
  dryRun: boolean;
  plan: N8nSyncPlan;
}

export interface N8nWorkflowLink {
  processKey: string;
  processVersion: number;
  workflowId: string;
  editorUrl: string;
  webhookUrl: string;
}

export interface MessageTemplateRef {
  key: string;
  name?: string;
}
