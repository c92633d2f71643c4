import { stageKeyOfDecision } from '../processes/flow-graph';
import type { DecisionStep, DelayStep, EscalateStep, FlowStep, MessageStep, OutcomeStep, StartStep } from '../processes/process-flow';
import { NODE_TYPES, type DesignedProcess } from './workflow-model';

/** The type, version and parameters of the Caseflow node a step becomes (names as the node descriptions spell them). */
export interface StepNode {
  type: string;
  typeVersion: number;
  parameters: Record<string, unknown>;
}

/** Every node after Launch Workflow finds its case on the item (Caseflow nodes put it there). */
const CASE_ON_ITEM = '={{ $json.caseflow.instanceId }}';

export const CANCELLED_OUTCOME = 'cancelled';

export function stepNode(process: DesignedProcess, step: FlowStep): StepNode {
  switch (step.kind) {
    case 'start':
      return launchNode(process, step);
    case 'stage':
      return node(NODE_TYPES.assignStage, 1, { instanceId: CASE_ON_ITEM, stageKey: step.stageKey, owner: 'stageDefault', slaMinutes: 0, note: '' });
    case 'decision':
      return decisionNode(process, step);
    case 'delay':
      return delayNode(step);
    case 'message':
      return messageNode(step);
    case 'escalate':
      return escalateNode(step);
    case 'outcome':
      return outcomeNode(step);
  }
}

const node = (type: string, typeVersion: number, parameters: Record<string, unknown>): StepNode => ({ type, typeVersion, parameters });

/**
 * The webhook body (documented in docs/designer.md): `{ entity: { externalId, name, type?, email?, managerEmail?,
 * attributes? }, data?, instanceId? }`. The backend's "Start workflow" call sends `{ instanceId, processKey, entity,
 * data }`; with `instanceId` the node attaches to the case the UI created.
 */
function launchNode(process: DesignedProcess, _step: StartStep): StepNode {
  const firstType = JSON.stringify(process.entityTypes[0] ?? '');
  return node(NODE_TYPES.launch, 2, {
    mode: 'launch',
    whenExists: 'separateOutput',
    processKey: process.key,
    entityType: `={{ $json.body.entity?.type || ${firstType} }}`,
    entityExternalId: '={{ $json.body.entity?.externalId ?? "" }}',
    entityName: '={{ $json.body.entity?.name ?? "" }}',
    entityFields: {
      email: '={{ $json.body.entity?.email ?? "" }}',
      managerEmail: '={{ $json.body.entity?.managerEmail ?? "" }}',
      attributes: '={{ $json.body.entity?.attributes ?? {} }}',
    },
    data: '={{ $json.body.data ?? {} }}',
    idempotencyKey: "={{ $json.headers?.['idempotency-key'] ?? '' }}",
    instanceId: "={{ $json.body.instanceId ?? '' }}",
    options: {},
  });
}

function decisionNode(process: DesignedProcess, step: DecisionStep): StepNode {
  const stageKey = stageKeyOfDecision(process.flow, step);
  const queue = step.queue ?? process.stages.find((stage) => stage.key === stageKey)?.ownerQueue ?? '';
  // A due time alone only flags the task; the "Timed Out" path needs the node to stop waiting at it.
  const due = step.dueInMinutes ? { due: 'inMinutes', dueInMinutes: step.dueInMinutes, limitWaitTime: true, graceMinutes: 0 } : { due: 'none' };
  return node(NODE_TYPES.awaitDecision, 1, {
    instanceId: CASE_ON_ITEM,
    queue,
    title: step.title,
    instructions: '',
    decisionSource: 'process',
    processKey: process.key,
    processDecisions: [...step.decisions],
    fields: {},
    ...due,
    priority: 2,
    outputMode: 'perDecision',
    options: stageKey ? { stageKey } : {},
  });
}

function delayNode(step: DelayStep): StepNode {
  return node(NODE_TYPES.relativeDelay, 1, {
    instanceId: CASE_ON_ITEM,
    anchorSource: 'field',
    anchorField: step.anchorField,
    amount: step.amount,
    unit: step.unit,
    direction: step.direction,
    ifPast: 'continue',
    options: {},
  });
}

function messageNode(step: MessageStep): StepNode {
  const recipients: Record<string, string> = {};
  if (step.addresses) recipients.addresses = step.addresses;
  if (step.toQueue) recipients.queue = step.toQueue;
  return node(NODE_TYPES.sendMessage, 1, {
    instanceId: CASE_ON_ITEM,
    source: 'template',
    templateKey: step.template,
    toEntity: step.toEntity ?? true,
    toManager: step.toManager ?? false,
    recipients,
    data: '{}',
    attachments: '',
  });
}

function escalateNode(step: EscalateStep): StepNode {
  const reassignTo = step.toQueue ? 'queue' : step.toUser ? 'person' : 'none';
  return node(NODE_TYPES.escalate, 1, {
    target: 'instance',
    instanceId: CASE_ON_ITEM,
    reassignTo,
    ...(step.toQueue ? { toQueue: step.toQueue } : {}),
    ...(!step.toQueue && step.toUser ? { toUser: step.toUser } : {}),
    priority: step.priority ?? 0,
    reason: step.reason,
    notifyTemplate: '',
  });
}

function outcomeNode(step: OutcomeStep): StepNode {
  if (step.outcome === CANCELLED_OUTCOME) {
    return node(NODE_TYPES.caseflow, 1, { resource: 'instance', operation: 'cancel', instanceId: CASE_ON_ITEM, reason: '' });
  }
  return node(NODE_TYPES.caseflow, 1, { resource: 'instance', operation: 'complete', instanceId: CASE_ON_ITEM, outcome: step.outcome });
}
