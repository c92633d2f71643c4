/**
 * The designed shape of a process: what happens to a case, step by step, and which path each decision
 * takes. Each step is what one Caseflow node does in the n8n workflow that runs the process (see
 * docs/designer.md for the mapping), so a flow can be generated into n8n and read back from it.
 *
 * Stage details (owner queue, SLA, calendar, stall threshold, escalation ladder) stay in the process's
 * `stages`, decision labels in its `decisions`: a step refers to them by key. A version without a flow
 * (every version saved before the designer) is drawn from its stage list.
 */
export const FLOW_STEP_KINDS = ['start', 'stage', 'decision', 'delay', 'message', 'escalate', 'outcome'] as const;
export type FlowStepKind = (typeof FLOW_STEP_KINDS)[number];

export const DELAY_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months', 'businessDays'] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

/** The output of a decision step taken when its task times out (Await Decision's "Timed Out"). */
export const TIMED_OUT = 'timedOut';

export interface FlowPosition {
  x: number;
  y: number;
}

interface StepBase {
  /** Unique within the flow: letters, digits, - and _ (at most 100). */
  id: string;
  /** What the diagram and the n8n node are called; a default is derived from the step when absent. */
  label?: string;
  /** Where the designer placed it; absent steps are auto-laid out. */
  position?: FlowPosition;
}

/** The launch: a webhook (or the UI's "Start workflow") and Launch Workflow. Exactly one per flow. */
export interface StartStep extends StepBase {
  kind: 'start';
}

/** Assign Stage: the case enters `stages[stageKey]` (its owner queue, SLA and ladder come from there). */
export interface StageStep extends StepBase {
  kind: 'stage';
  stageKey: string;
}

/**
 * Await Decision: a task in `queue` (by default the owner queue of the stage it belongs to), one path per
 * decision (keys of the process's `decisions`), plus a "timed out" path when `dueInMinutes` is set.
 */
export interface DecisionStep extends StepBase {
  kind: 'decision';
  title: string;
  decisions: string[];
  /** The stage the task is counted in; by default the nearest stage step before it. */
  stageKey?: string;
  queue?: string;
  dueInMinutes?: number;
}

/** Relative Delay: wait until `amount` `unit` before or after a date of the case. */
export interface DelayStep extends StepBase {
  kind: 'delay';
  /** data.<path>, entity.attributes.<path>, entity.<column> or instance.createdAt */
  anchorField: string;
  amount: number;
  unit: DelayUnit;
  direction: 'after' | 'before';
}

/** Send Templated Message with a saved template. */
export interface MessageStep extends StepBase {
  kind: 'message';
  template: string;
  toEntity?: boolean;
  toManager?: boolean;
  toQueue?: string;
  /** Extra addresses, comma-separated. */
  addresses?: string;
}

/** Escalate the case's open task: to a queue or a person, or only raise its priority. */
export interface EscalateStep extends StepBase {
  kind: 'escalate';
  reason: string;
  toQueue?: string;
  toUser?: string;
  /** 1 low … 4 urgent. */
  priority?: number;
}

/** The case ends: completed with `outcome` (Caseflow node, Complete), or cancelled when `outcome` is "cancelled". */
export interface OutcomeStep extends StepBase {
  kind: 'outcome';
  outcome: string;
}

export type FlowStep = StartStep | StageStep | DecisionStep | DelayStep | MessageStep | EscalateStep | OutcomeStep;

/**
 * One path between two steps. A decision step has one link per decision, `on` naming it (or `timedOut`);
 * every other step has at most one outgoing link and no `on`.
 */
export interface FlowLink {
  from: string;
  to: string;
  on?: string;
}

export interface ProcessFlow {
  steps: FlowStep[];
  links: FlowLink[];
}

export type ProblemCode =
  | 'invalid' // a field is malformed (the DTO's own rules)
  | 'no-start' // no start step, or more than one
  | 'unreachable' // a step no path from the start reaches
  | 'decision-without-path' // a decision of a decision step has no link
  | 'dead-end' // a step other than an outcome with no way on
  | 'missing-outcome' // the flow has no outcome at all
  | 'unknown-stage'
  | 'unknown-decision'
  | 'unknown-queue'
  | 'unknown-template'
  | 'unknown-calendar'
  | 'unknown-entity-type'
  | 'unknown-user'
  | 'bad-link'; // a link to or from no step, a second link out of a step, `on` where it does not belong

/** One item of the designer's checklist, as `POST /processes/check` reports it. */
export interface FlowProblem {
  code: ProblemCode;
  message: string;
  /** `error` blocks publishing; `warning` does not. */
  severity: 'error' | 'warning';
  /** The step it is about, when there is one (for jump-to-element). */
  stepId?: string;
  /** The definition field, e.g. `stages[1].ownerQueue` or `flow.steps[3].queue`. */
  field?: string;
}
