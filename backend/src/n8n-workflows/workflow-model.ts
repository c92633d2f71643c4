import type { DecisionDefinition, IntakeField, StageDefinition } from '../database/tables';
import type { ProcessFlow } from '../processes/process-flow';
import type { N8nWorkflowJson, N8nWorkflowNode } from '../templates/template-files';

export type { N8nWorkflowJson, N8nWorkflowNode };

/** What the generator reads of a process version: its definition with a designed flow. */
export interface DesignedProcess {
  key: string;
  version: number;
  name: string;
  entityTypes: string[];
  stages: StageDefinition[];
  decisions: DecisionDefinition[];
  intake: IntakeField[];
  flow: ProcessFlow;
}

/** One target of an n8n connection, as n8n stores it under `connections[source].main[output]`. */
export interface N8nConnectionTarget {
  node: string;
  type: 'main';
  index: number;
}

/** `connections[source].main`: one list of targets per output of the source node. */
export type N8nOutputs = N8nConnectionTarget[][];

export const CASEFLOW_NODE_PREFIX = 'n8n-nodes-caseflow.';

export const NODE_TYPES = {
  launch: 'n8n-nodes-caseflow.launchWorkflow',
  assignStage: 'n8n-nodes-caseflow.assignStage',
  awaitDecision: 'n8n-nodes-caseflow.awaitDecision',
  relativeDelay: 'n8n-nodes-caseflow.relativeDelay',
  sendMessage: 'n8n-nodes-caseflow.sendTemplatedMessage',
  escalate: 'n8n-nodes-caseflow.escalate',
  caseflow: 'n8n-nodes-caseflow.caseflow',
  trigger: 'n8n-nodes-caseflow.caseflowTrigger',
  webhook: 'n8n-nodes-base.webhook',
  formTrigger: 'n8n-nodes-base.formTrigger',
  respond: 'n8n-nodes-base.respondToWebhook',
} as const;

export const isCaseflowNode = (node: Pick<N8nWorkflowNode, 'type'>): boolean => node.type.startsWith(CASEFLOW_NODE_PREFIX);

/**
 * The `main` outputs of a node in a workflow's connections (an empty list when it has none). Pasted workflows
 * are read as they come: anything that is not a list of targets naming a node counts as no connection.
 */
export function outputsOf(workflow: Pick<N8nWorkflowJson, 'connections'>, nodeName: string): N8nOutputs {
  const main: unknown = (workflow.connections[nodeName] as { main?: unknown } | undefined)?.main;
  if (!Array.isArray(main)) return [];
  return main.map((targets: unknown) =>
    Array.isArray(targets)
      ? targets.filter((target): target is N8nConnectionTarget => typeof (target as N8nConnectionTarget | null)?.node === 'string')
      : [],
  );
}
