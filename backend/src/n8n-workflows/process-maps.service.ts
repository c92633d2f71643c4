import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { editorUrlOf, requireN8n, rethrowN8n } from './n8n-connection';
import type { N8nWorkflowListItem, ProcessMapResponse } from './n8n-workflows.dto';
import { readWorkflow, WorkflowShapeError } from './read-workflow';
import { isCaseflowNode, type N8nWorkflowJson } from './workflow-model';

/** Reading n8n workflows that use Caseflow nodes as process maps: from n8n itself, or from a pasted workflow JSON. */
@Injectable()
export class ProcessMapsService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async listWorkflows(): Promise<N8nWorkflowListItem[]> {
    const { client } = requireN8n(this.config);
    const workflows = await client.listStoredWorkflows().catch(rethrowN8n);
    return workflows.flatMap((workflow) => {
      const caseflowNodes = workflow.nodes.filter(isCaseflowNode);
      if (caseflowNodes.length === 0) return [];
      return [{ id: workflow.id, name: workflow.name, active: workflow.active, caseflowNodes: caseflowNodes.length, processKeys: processKeysOf(workflow) }];
    });
  }

  async processMapOf(workflowId: string): Promise<ProcessMapResponse> {
    const { n8n, client } = requireN8n(this.config);
    const workflow = await client.getWorkflow(workflowId).catch(rethrowN8n);
    if (!workflow) throw new NotFoundException(`n8n has no workflow "${workflowId}".`);
    return { ...this.read(workflow), workflowId: workflow.id, name: workflow.name, editorUrl: editorUrlOf(n8n, workflow.id) };
  }

  fromJson(body: unknown): ProcessMapResponse {
    return this.read(body);
  }

  private read(workflow: unknown): ProcessMapResponse {
    try {
      return readWorkflow(workflow);
    } catch (error) {
      if (error instanceof WorkflowShapeError) throw new BadRequestException(error.message);
      throw error;
    }
  }
}

/** The processes a workflow's Caseflow nodes name literally (expressions name none we can know). */
function processKeysOf(workflow: N8nWorkflowJson): string[] {
  const keys = workflow.nodes
    .filter(isCaseflowNode)
    .map((node) => node.parameters?.processKey)
    .filter((key): key is string => typeof key === 'string' && key !== '' && !key.startsWith('='));
  return [...new Set(keys)].sort();
}
