import type { ProcessFlow } from '../../../api/types';

/** GET /n8n/workflows: an n8n workflow that uses Caseflow nodes. */
export interface N8nWorkflowSummary {
  id: string;
  name: string;
  active: boolean;
  caseflowNodes: number;
  /** The processes its Caseflow nodes name literally (an expression names none that can be known). */
  processKeys: string[];
}

/** One node of the workflow: the flow step it became (`stepId`), or null with the reason in `note`. */
export interface N8nMapNode {
  name: string;
  type: string;
  stepId: string | null;
  note: string;
}

/** GET /n8n/workflows/:id/process-map: the workflow read as a flow from its Caseflow nodes' parameters. */
export interface N8nProcessMap {
  workflowId?: string;
  name?: string;
  editorUrl?: string;
  flow: ProcessFlow;
  nodes: N8nMapNode[];
}

export const CASEFLOW_NODE_PREFIX = 'n8n-nodes-caseflow.';
export const isCaseflowNode = (node: Pick<N8nMapNode, 'type'>) => node.type.startsWith(CASEFLOW_NODE_PREFIX);
