import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  path: string;
  apiKey: string | undefined;
  body: string;
}

type Answer = { status: number; body: unknown };

/**
 * A test double of n8n's public API on loopback: GET /api/v1/executions/:id and
 * POST /api/v1/executions/:id/retry answer what the test put in `executions` / `retries`
 * (404 for an id it does not know), after checking the X-N8N-API-KEY header.
 */
export class FakeN8nApi {
  readonly apiKey = 'test-n8n-api-key';
  readonly calls: ApiCall[] = [];
  /** GET answers by execution id: n8n's execution JSON (status, workflowId, data.resultData…). */
  readonly executions = new Map<string, Record<string, unknown>>();
  /** POST …/retry answers by execution id. */
  readonly retries = new Map<string, Answer>();
  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeN8nApi> {
    const server = createServer();
    const api = new FakeN8nApi(server);
    server.on('request', (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const path = request.url ?? '/';
        const apiKey = request.headers['x-n8n-api-key'] as string | undefined;
        api.calls.push({ method: request.method ?? 'GET', path, apiKey, body });
        const answer = api.answer(request.method ?? 'GET', path, apiKey);
        response.statusCode = answer.status;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return api;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  callsFor(executionId: string, method = 'GET'): ApiCall[] {
    return this.calls.filter((call) => call.method === method && call.path.startsWith(`/api/v1/executions/${executionId}`));
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }

  private answer(method: string, path: string, apiKey: string | undefined): Answer {
    if (apiKey !== this.apiKey) return { status: 401, body: { message: 'unauthorized' } };
    const retry = /^\/api\/v1\/executions\/([^/?]+)\/retry$/.exec(path);
    if (method === 'POST' && retry) return this.retries.get(retry[1]!) ?? { status: 404, body: { message: 'Not Found' } };
    const get = /^\/api\/v1\/executions\/([^/?]+)\?includeData=true$/.exec(path);
    const execution = method === 'GET' && get ? this.executions.get(get[1]!) : undefined;
    return execution ? { status: 200, body: execution } : { status: 404, body: { message: 'Not Found' } };
  }
}

/** n8n's JSON for an execution that failed in `node` with `message`. */
export const failedExecution = (id: string, workflowId: string, message: string, node: string) => ({
  id,
  workflowId,
  status: 'error',
  finished: false,
  data: { resultData: { error: { message, node: { name: node } }, lastNodeExecuted: node, runData: {} } },
});

export const executionIn = (id: string, workflowId: string, status: string) => ({
  id,
  workflowId,
  status,
  finished: status === 'success',
  data: { resultData: { runData: {} } },
});
