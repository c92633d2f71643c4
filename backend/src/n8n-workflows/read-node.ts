import { DELAY_UNITS, type DelayUnit, type FlowStep } from '../processes/process-flow';
import { CANCELLED_OUTCOME } from './step-nodes';
import { NODE_TYPES, type N8nWorkflowNode } from './workflow-model';

/** A step as read from one node, before it gets its id, label and position. */
export type ReadStep = FlowStep extends infer S ? (S extends FlowStep ? Omit<S, 'id' | 'label' | 'position'> : never) : never;

/**
 * What one node is in the drawn flow: a step, a possible start (a launch or a trigger), or a node the
 * links pass through; `outputs` says which of its outputs the flow follows (all when absent).
 */
export interface NodeReading {
  step: ReadStep | null;
  role: 'step' | 'launch' | 'trigger' | 'pass-through';
  note: string;
  outputs?: number[];
  /** An Await Decision with one output for every decision: its links carry no `on`. */
  singleOutput?: boolean;
}

type Params = Record<string, unknown>;
const text = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value));
const objectOf = (value: unknown): Params => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : {});

export function readNode(node: N8nWorkflowNode): NodeReading {
  const p = objectOf(node.parameters);
  switch (node.type) {
    case NODE_TYPES.launch:
      return readLaunch(node, p);
    case NODE_TYPES.trigger:
      return { step: { kind: 'start' }, role: 'trigger', note: `Caseflow Trigger on ${text(p.events) || 'no events'}` };
    case NODE_TYPES.webhook:
    case NODE_TYPES.formTrigger:
      return { step: { kind: 'start' }, role: 'trigger', note: 'a trigger: the launch is drawn from it when no Launch Workflow starts the case' };
    case NODE_TYPES.assignStage:
      return { step: { kind: 'stage', stageKey: text(p.stageKey) }, role: 'step', note: 'Assign Stage' };
    case NODE_TYPES.awaitDecision:
      return readDecision(node, p);
    case NODE_TYPES.relativeDelay:
      return readDelay(p);
    case NODE_TYPES.sendMessage:
      return readMessage(p);
    case NODE_TYPES.escalate:
      return readEscalate(p);
    case NODE_TYPES.caseflow:
      return readCaseflow(p);
    default:
      return { step: null, role: 'pass-through', note: node.type.startsWith('n8n-nodes-caseflow.') ? 'an unknown Caseflow node: links pass through it' : 'not a Caseflow node: links pass through it' };
  }
}

function readLaunch(node: N8nWorkflowNode, p: Params): NodeReading {
  const find = p.mode === 'find';
  const version = typeof node.typeVersion === 'number' ? node.typeVersion : 1;
  // Only the path of a case whose steps run is the flow: "New Case" (or "Found"); the others answer the caller.
  const note = find
    ? `Launch Workflow, find mode (a follow-up flow of ${text(p.processKey)}): the flow continues on "Found"`
    : version >= 2 && p.whenExists !== 'sameOutput'
      ? 'Launch Workflow: the flow continues on "New Case"; "Existing Case" only answers the caller'
      : 'Launch Workflow';
  return { step: { kind: 'start' }, role: 'launch', note, outputs: [0] };
}

function readDecision(node: N8nWorkflowNode, p: Params): NodeReading {
  const fromProcess = p.decisionSource === 'process';
  const defined = objectOf(p.decisions).values;
  const decisions = fromProcess
    ? (Array.isArray(p.processDecisions) ? p.processDecisions : []).map(text)
    : (Array.isArray(defined) ? defined : [{ key: 'approve' }, { key: 'reject' }]).map((value) => text(objectOf(value).key));
  const options = objectOf(p.options);
  const step: ReadStep = {
    kind: 'decision',
    title: text(p.title) || node.name,
    decisions,
    ...(options.stageKey ? { stageKey: text(options.stageKey) } : {}),
    ...(p.queue ? { queue: text(p.queue) } : {}),
    ...(p.due === 'inMinutes' ? { dueInMinutes: typeof p.dueInMinutes === 'number' ? p.dueInMinutes : 1440 } : {}),
  };
  const single = p.outputMode === 'single';
  const note = `Await Decision, decisions ${fromProcess ? 'from the process' : 'defined in the node'}${single ? '; one output for every decision (n8n before 2.39)' : ''}`;
  return { step, role: 'step', note, singleOutput: single };
}

function readDelay(p: Params): NodeReading {
  const byField = p.anchorSource === 'field';
  const unit: DelayUnit = DELAY_UNITS.includes(p.unit as DelayUnit) ? (p.unit as DelayUnit) : 'days';
  const step: ReadStep = {
    kind: 'delay',
    anchorField: byField ? text(p.anchorField) : text(p.anchorDate),
    amount: typeof p.amount === 'number' ? p.amount : Number(p.amount ?? 0) || 0,
    unit,
    direction: p.direction === 'before' ? 'before' : 'after',
  };
  return { step, role: 'step', note: byField ? 'Relative Delay on a field of the case' : 'Relative Delay on a date of the item (anchorField holds its expression)' };
}

function readMessage(p: Params): NodeReading {
  const recipients = objectOf(p.recipients);
  const inline = p.source === 'inline';
  const step: ReadStep = {
    kind: 'message',
    template: inline ? '' : text(p.templateKey),
    toEntity: p.toEntity !== false,
    toManager: p.toManager === true,
    ...(recipients.queue ? { toQueue: text(recipients.queue) } : {}),
    ...(recipients.addresses ? { addresses: text(recipients.addresses) } : {}),
  };
  return { step, role: 'step', note: inline ? 'Send Templated Message written in the node (no saved template)' : 'Send Templated Message' };
}

function readEscalate(p: Params): NodeReading {
  const priority = Number(p.priority ?? 0);
  const step: ReadStep = {
    kind: 'escalate',
    reason: text(p.reason),
    ...(p.reassignTo !== 'person' && p.reassignTo !== 'none' && p.toQueue ? { toQueue: text(p.toQueue) } : {}),
    ...(p.reassignTo === 'person' && p.toUser ? { toUser: text(p.toUser) } : {}),
    ...(priority >= 1 && priority <= 4 ? { priority } : {}),
  };
  return { step, role: 'step', note: p.target === 'task' ? 'Escalate a given task' : 'Escalate' };
}

const CASEFLOW_PASS_THROUGH: Record<string, string> = {
  'instance.get': 'Caseflow: reads the case (drawn as a pass-through)',
  'instance.updateData': 'Caseflow: updates the case data (drawn as a pass-through)',
  'entity.get': 'Caseflow: reads an entity (drawn as a pass-through)',
  'entity.upsert': 'Caseflow: creates or updates an entity (drawn as a pass-through)',
};

function readCaseflow(p: Params): NodeReading {
  const resource = text(p.resource) || 'instance';
  const operation = text(p.operation) || 'get';
  if (resource === 'instance' && operation === 'complete') {
    return { step: { kind: 'outcome', outcome: text(p.outcome) }, role: 'step', note: 'Caseflow: complete the case' };
  }
  if (resource === 'instance' && operation === 'cancel') {
    return { step: { kind: 'outcome', outcome: CANCELLED_OUTCOME }, role: 'step', note: 'Caseflow: cancel the case' };
  }
  const note = CASEFLOW_PASS_THROUGH[`${resource}.${operation}`] ?? `Caseflow: ${resource} ${operation} (drawn as a pass-through)`;
  return { step: null, role: 'pass-through', note };
}
