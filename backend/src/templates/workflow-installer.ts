import type { N8nClient } from './n8n-client';
import type { InstallItem } from './templates.dto';
import type { N8nWorkflowJson, WorkflowFile } from './template-files';

const CASEFLOW_NODE = /^n8n-nodes-caseflow\./;
export const CASEFLOW_CREDENTIAL_TYPE = 'caseflowApi';
/** Stands in a template for n8n's production webhook address, e.g. a form that hands its case to another flow. */
export const WEBHOOK_BASE_PLACEHOLDER = '__CASEFLOW_WEBHOOK_BASE__';

/**
 * Creates or updates each workflow in n8n, matched by name so installing twice never duplicates,
 * with the Caseflow credential set on every Caseflow node; then activates (publishes) it.
 */
export async function installWorkflows(client: N8nClient, files: WorkflowFile[], credentialId: string): Promise<InstallItem[]> {
  const existing = await client.listWorkflows();
  const out: InstallItem[] = [];
  for (const file of files) {
    const workflow = withWebhookBase(withCredential(file.workflow, credentialId), client.productionWebhookUrl('').replace(/\/$/, ''));
    const match = existing.find((candidate) => candidate.name === workflow.name);
    const saved = match ? await client.updateWorkflow(match.id, workflow) : await client.createWorkflow(workflow);
    await client.activateWorkflow(String(saved.id));
    out.push({ key: workflow.name, id: String(saved.id), change: match ? 'updated' : 'created' });
  }
  return out;
}

export function withCredential(workflow: N8nWorkflowJson, credentialId: string): N8nWorkflowJson {
  return {
    ...workflow,
    nodes: workflow.nodes.map((node) =>
      CASEFLOW_NODE.test(node.type)
        ? { ...node, credentials: { [CASEFLOW_CREDENTIAL_TYPE]: { id: credentialId, name: node.credentials?.[CASEFLOW_CREDENTIAL_TYPE]?.name ?? 'Caseflow' } } }
        : node,
    ),
  };
}


/** Every `__CASEFLOW_WEBHOOK_BASE__` in a parameter becomes n8n's webhook address (`…/webhook`), as callers reach it. */
export function withWebhookBase(workflow: N8nWorkflowJson, webhookBase: string): N8nWorkflowJson {
  const json = JSON.stringify(workflow.nodes);
  if (!json.includes(WEBHOOK_BASE_PLACEHOLDER)) return workflow;
  return { ...workflow, nodes: JSON.parse(json.split(WEBHOOK_BASE_PLACEHOLDER).join(webhookBase)) as N8nWorkflowJson['nodes'] };
}
