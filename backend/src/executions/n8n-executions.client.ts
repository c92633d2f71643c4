import type { N8nConfig } from '../config/config';

/** A check must not hold up the sweep: n8n answers a single execution in milliseconds when it is well. */
const TIMEOUT_MS = 5_000;

/** What n8n's public API says of an execution (GET /executions/:id?includeData=true), the parts used here. */
export interface N8nExecution {
  id: string;
  workflowId: string | null;
  /** success, error, crashed, canceled, waiting, running, new (older n8n may leave it out). */
  status: string | null;
  finished: boolean;
  error: { message: string; node: string | null } | null;
}

interface ExecutionBody {
  id?: string | number;
  workflowId?: string | number | null;
  status?: string;
  finished?: boolean;
  data?: { resultData?: { error?: { message?: string; node?: { name?: string } }; lastNodeExecuted?: string } };
}

/** n8n answered, and not with what was asked for; `status` is its HTTP status. */
export class N8nAnswerError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The calls of n8n's public API (`/api/v1`, X-N8N-API-KEY) that follow and retry the executions of cases. */
export class N8nExecutionsClient {
  constructor(private readonly config: N8nConfig) {}

  /** The execution, or null when n8n has none by that id (deleted, pruned, or not saved yet). */
  async get(executionId: string): Promise<N8nExecution | null> {
    const response = await this.call('GET', `/executions/${encodeURIComponent(executionId)}?includeData=true`);
    if (response.status === 404) return null;
    const body = await this.json(response, 'GET', executionId);
    return toExecution(body);
  }

  /** Retries a failed execution with the workflow as saved now; answers the new execution's id. */
  async retry(executionId: string): Promise<{ id: string; workflowId: string | null }> {
    const response = await this.call('POST', `/executions/${encodeURIComponent(executionId)}/retry`, { loadWorkflow: true });
    const body = await this.json(response, 'POST', executionId);
    if (body.id === undefined) throw new N8nAnswerError(`n8n retried execution ${executionId} but did not say the new execution's id`, response.status);
    return { id: String(body.id), workflowId: body.workflowId === undefined || body.workflowId === null ? null : String(body.workflowId) };
  }

  /** Network trouble rejects with the fetch error; callers decide whether it is worth a retry. */
  private call(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(`${this.config.url}/api/v1${path}`, {
      method,
      headers: { 'X-N8N-API-KEY': this.config.apiKey, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  }

  private async json(response: Response, method: string, executionId: string): Promise<ExecutionBody> {
    const text = await response.text();
    if (!response.ok) {
      throw new N8nAnswerError(`n8n answered ${method} execution ${executionId} with ${response.status}: ${text.slice(0, 300)}`, response.status);
    }
    try {
      return JSON.parse(text) as ExecutionBody;
    } catch {
      throw new N8nAnswerError(`n8n answered ${method} execution ${executionId} with something other than JSON`, response.status);
    }
  }
}

function toExecution(body: ExecutionBody): N8nExecution {
  const result = body.data?.resultData;
  const error = result?.error;
  return {
    id: String(body.id),
    workflowId: body.workflowId === undefined || body.workflowId === null ? null : String(body.workflowId),
    status: body.status ?? null,
    finished: body.finished === true,
    error: error
      ? { message: error.message || 'n8n gave no message', node: error.node?.name ?? result?.lastNodeExecuted ?? null }
      : null,
  };
}
