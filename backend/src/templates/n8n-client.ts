import type { N8nConfig } from '../config/config';
import type { N8nWorkflowJson } from './template-files';

export interface N8nWorkflowSummary {
  id: string;
  name: string;
  active: boolean;
}

/** A workflow as n8n's public API returns it: the JSON plus its id and whether it is active. */
export interface N8nStoredWorkflow extends N8nWorkflowJson {
  id: string;
  active: boolean;
}

export class N8nApiError extends Error {
  /** n8n's HTTP status, when it answered at all. */
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The few calls of n8n's public API (`/api/v1`, X-N8N-API-KEY) that installing templates and generating workflows need. */
export class N8nClient {
  constructor(private readonly config: N8nConfig) {}

  async listWorkflows(): Promise<N8nWorkflowSummary[]> {
    const all: N8nWorkflowSummary[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '250', ...(cursor ? { cursor } : {}) });
      const page = await this.call<{ data: N8nWorkflowSummary[]; nextCursor?: string | null }>('GET', `/workflows?${query.toString()}`);
      all.push(...page.data.map((w) => ({ id: String(w.id), name: w.name, active: w.active })));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** Every workflow with its nodes and connections (the list answers with whole workflows). */
  async listStoredWorkflows(): Promise<N8nStoredWorkflow[]> {
    const all: N8nStoredWorkflow[] = [];
    let cursor: string | undefined;
    do {
      const query = new URLSearchParams({ limit: '250', excludePinnedData: 'true', ...(cursor ? { cursor } : {}) });
      const page = await this.call<{ data: N8nStoredWorkflow[]; nextCursor?: string | null }>('GET', `/workflows?${query.toString()}`);
      all.push(...page.data.map(storedWorkflowOf));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }

  /** The workflow, or null when n8n has none with this id (deleted by hand). */
  async getWorkflow(id: string): Promise<N8nStoredWorkflow | null> {
    try {
      return storedWorkflowOf(await this.call<N8nStoredWorkflow>('GET', `/workflows/${encodeURIComponent(id)}?excludePinnedData=true`));
    } catch (error) {
      if (error instanceof N8nApiError && error.status === 404) return null;
      throw error;
    }
  }

  async createWorkflow(workflow: N8nWorkflowJson): Promise<N8nStoredWorkflow> {
    return storedWorkflowOf(await this.call<N8nStoredWorkflow>('POST', '/workflows', bodyOf(workflow)));
  }

  async updateWorkflow(id: string, workflow: N8nWorkflowJson): Promise<N8nStoredWorkflow> {
    return storedWorkflowOf(await this.call<N8nStoredWorkflow>('PUT', `/workflows/${encodeURIComponent(id)}`, bodyOf(workflow)));
  }

  /** On n8n 2.x this publishes the saved version: activating again after an update is what makes it live. */
  async activateWorkflow(id: string): Promise<N8nWorkflowSummary> {
    return this.call('POST', `/workflows/${encodeURIComponent(id)}/activate`);
  }

  productionWebhookUrl(path: string): string {
    return `${this.config.webhookBaseUrl}/webhook/${path}`;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${this.config.url}/api/v1${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: { 'X-N8N-API-KEY': this.config.apiKey, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new N8nApiError(`n8n at ${this.config.url} is not reachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok) throw new N8nApiError(`n8n answered ${method} ${path} with ${response.status}: ${text.slice(0, 300)}`, response.status);
    return (text ? JSON.parse(text) : {}) as T;
  }
}

function storedWorkflowOf(workflow: N8nStoredWorkflow): N8nStoredWorkflow {
  return { ...workflow, id: String(workflow.id), nodes: workflow.nodes ?? [], connections: workflow.connections ?? {} };
}

/** The public API refuses fields it does not know (id, active, tags…) and insists on settings. */
function bodyOf(workflow: N8nWorkflowJson): N8nWorkflowJson {
  return {
    name: workflow.name,
    nodes: workflow.nodes,
    connections: workflow.connections,
    settings: workflow.settings ?? { executionOrder: 'v1' },
  };
}
