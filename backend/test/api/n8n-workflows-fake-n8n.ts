import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { N8nStoredWorkflow } from '../../src/templates/n8n-client';

/**
 * Just enough of n8n's public API (workflows: list, get, create, update, activate) for the API tests: it keeps
 * workflows in memory, checks the API key, and refuses PUT/POST bodies with fields the real API refuses.
 */
export class FakeN8n {
  readonly workflows = new Map<string, N8nStoredWorkflow>();
  readonly calls: string[] = [];
  /** Answer every call with this status and message instead (n8n failing). */
  failWith: { status: number; message: string } | null = null;
  private server!: Server;
  private nextId = 1;

  constructor(readonly apiKey = 'fake-n8n-key') {}

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const path = (req.url ?? '').split('?')[0]!;
    this.calls.push(`${req.method} ${path}`);
    if (req.headers['x-n8n-api-key'] !== this.apiKey) return { status: 401, body: { message: 'unauthorized' } };
    if (this.failWith) return { status: this.failWith.status, body: { message: this.failWith.message } };
    const match = /^\/api\/v1\/workflows(?:\/([^/]+))?(\/activate)?$/.exec(path);
    if (!match) return { status: 404, body: { message: 'not found' } };
    const [, id, activate] = match;
    if (!id && req.method === 'GET') return { status: 200, body: { data: [...this.workflows.values()], nextCursor: null } };
    if (!id && req.method === 'POST') return this.save(String(this.nextId++), await bodyOf(req));
    const stored = id ? this.workflows.get(id) : undefined;
    if (!stored) return { status: 404, body: { message: 'Not Found' } };
    if (activate) return { status: 200, body: Object.assign(stored, { active: true }) };
    if (req.method === 'GET') return { status: 200, body: stored };
    if (req.method === 'PUT') return this.save(stored.id, await bodyOf(req), stored.active);
    return { status: 405, body: { message: 'method not allowed' } };
  }

  private save(id: string, body: Record<string, unknown>, active = false): { status: number; body: unknown } {
    const unknown = Object.keys(body).filter((key) => !['name', 'nodes', 'connections', 'settings'].includes(key));
    if (unknown.length > 0) return { status: 400, body: { message: `request/body must NOT have additional properties: ${unknown.join(', ')}` } };
    const workflow = { ...(structuredClone(body) as unknown as N8nStoredWorkflow), id, active };
    this.workflows.set(id, workflow);
    return { status: 200, body: workflow };
  }
}

async function bodyOf(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
}
