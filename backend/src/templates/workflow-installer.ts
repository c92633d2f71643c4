import type { N8nClient } from './n8n-client';
import type { InstallItem } from './templates.dto';
import type { N8nWorkflowJson, WorkflowFile } from './template-files';

const CASEFLOW_NODE = /^n8n-nodes-caseflow\./;
export const CASEFLOW_CREDENTIAL_TYPE = 'caseflowApi';

/**
 * Creates or updates each workflow in n8n, matched by name so installing twice never duplicates,
 * with the Caseflow credential set on every Caseflow node; then activates (publishes) it.
 */
export async function installWorkflows(client: N8nClient, files: WorkflowFile[], credentialId: string): Promise<InstallItem[]> {
  const existing = await client.listWorkflows();
  const out: InstallItem[] = [];
  for (const file of files) {
    const workflow = withCredential(file.workflow, credentialId);
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

