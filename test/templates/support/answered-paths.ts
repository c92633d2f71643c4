import type { N8nWorkflowJson, N8nWorkflowNode } from '../../../backend/src/templates/template-files';

const RESPOND = 'n8n-nodes-base.respondToWebhook';
/** Nodes that pause the execution: a caller still waiting for its answer would wait with it, then time out. */
const WAITING = new Set(['n8n-nodes-caseflow.relativeDelay', 'n8n-nodes-caseflow.awaitDecision', 'n8n-nodes-base.wait']);

type Connections = Record<string, { main?: Array<Array<{ node: string }>> }>;

/** How many outputs a node has, counting those the connections leave out because nothing is connected. */
function outputCount(node: N8nWorkflowNode, listed: number): number {
  let count = listed;
  if (node.type === 'n8n-nodes-base.if') count = 2;
  if (node.type === 'n8n-nodes-caseflow.launchWorkflow' && node.typeVersion === 2) count = 2;
  // n8n adds the error output after the node's own.
  if (node.onError === 'continueErrorOutput') count += 1;
  return Math.max(count, listed, 1);
}

/**
 * Every way a call can run from `start` without meeting a Respond to Webhook node before the execution
 * waits or ends, as "node → node" strings: empty when every caller gets an answer, and gets it at once.
 */
export function unansweredPaths(workflow: N8nWorkflowJson, start: string): string[] {
  const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
  const connections = workflow.connections as Connections;
  const unanswered: string[] = [];
  const walk = (name: string, path: string[]): void => {
    const node = byName.get(name);
    const here = [...path, name];
    if (!node) return void unanswered.push(`${here.join(' → ')} (no such node)`);
    if (node.type === RESPOND || path.includes(name)) return;
    if (WAITING.has(node.type)) return void unanswered.push(`${here.join(' → ')} (waits before answering)`);
    const outputs = connections[name]?.main ?? [];
    for (let output = 0; output < outputCount(node, outputs.length); output++) {
      const targets = outputs[output] ?? [];
      if (targets.length === 0) unanswered.push(`${here.join(' → ')}[${output}] (ends without answering)`);
      for (const target of targets) walk(target.node, here);
    }
  };
  walk(start, []);
  return unanswered;
}
