import { requestJson } from './http';
import type { Credential, CredentialInput, Execution, ExecutionStatus, Workflow, WorkflowInput } from './types';

export interface ExecutionQuery {
  readonly workflowId?: string;
  readonly status?: ExecutionStatus;
  readonly includeData?: boolean;
  readonly limit?: number;
}

export interface WaitForExecutionsOptions {
  readonly count?: number;
  readonly timeoutMs?: number;
  /** Which executions count; by default those that have come to rest (anything but new/running). */
  readonly until?: (execution: Execution) => boolean;
}

const AT_REST = (execution: Execution): boolean => execution.status !== 'new' && execution.status !== 'running';

/** A small typed client for n8n's public REST API (`/api/v1`, `X-N8N-API-KEY`). */
export class N8nApi {
  constructor(
    readonly baseUrl: string,
    private readonly apiKey: string,
  ) {}

  async createWorkflow(workflow: WorkflowInput): Promise<Workflow> {
    // The public API insists on a settings object.
    return await this.call<Workflow>('POST', '/workflows', { settings: { executionOrder: 'v1' }, ...workflow });
  }

  async getWorkflow(id: string): Promise<Workflow> {
    return await this.call<Workflow>('GET', `/workflows/${id}`);
  }

  /** Activates (2.x: publishes) the workflow: its production webhooks answer from now on. */
  async activateWorkflow(id: string): Promise<Workflow> {
    return await this.call<Workflow>('POST', `/workflows/${id}/activate`);
  }

  async deactivateWorkflow(id: string): Promise<Workflow> {
    return await this.call<Workflow>('POST', `/workflows/${id}/deactivate`);
  }

  async deleteWorkflow(id: string): Promise<void> {
    await this.call<unknown>('DELETE', `/workflows/${id}`);
  }

  /** Newest first; one page (the API caps `limit` at 250). */
  async listExecutions(query: ExecutionQuery = {}): Promise<Execution[]> {
    const params = new URLSearchParams();
    if (query.workflowId !== undefined) params.set('workflowId', query.workflowId);
    if (query.status !== undefined) params.set('status', query.status);
    if (query.includeData !== undefined) params.set('includeData', String(query.includeData));
    params.set('limit', String(query.limit ?? 100));
    const page = await this.call<{ data: Execution[] }>('GET', `/executions?${params.toString()}`);
    return page.data.map(normaliseExecution);
  }

  async getExecution(id: string, options: { includeData?: boolean } = {}): Promise<Execution> {
    const execution = await this.call<Execution>('GET', `/executions/${id}?includeData=${String(options.includeData ?? false)}`);
    return normaliseExecution(execution);
  }

  /** Polls until `count` executions of the workflow match `until` (default: at rest); newest first. */
  async waitForExecutions(workflowId: string, options: WaitForExecutionsOptions = {}): Promise<Execution[]> {
    const { count = 1, timeoutMs = 30_000, until = AT_REST } = options;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matching = (await this.listExecutions({ workflowId })).filter(until);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) {
        throw new Error(`Workflow ${workflowId}: ${matching.length} of ${count} executions after ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  async createCredential(credential: CredentialInput): Promise<Credential> {
    return await this.call<Credential>('POST', '/credentials', credential);
  }

  async deleteCredential(id: string): Promise<void> {
    await this.call<unknown>('DELETE', `/credentials/${id}`);
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await requestJson<T>(method, `${this.baseUrl}/api/v1${path}`, {
      headers: { 'X-N8N-API-KEY': this.apiKey },
      body,
    });
    return response.body;
  }
}

/** n8n 1.x returns execution ids as numbers, 2.x as strings. */
function normaliseExecution(execution: Execution): Execution {
  return { ...execution, id: String(execution.id), workflowId: String(execution.workflowId) };
}
