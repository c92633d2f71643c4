import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
}

type Handler = (call: ReceivedCall) => Promise<void>;

/**
 * Plays n8n's part: receives the backend's launch webhooks and resume calls and does what the
 * workflow would do next (assign a stage, await the next decision) through the real API.
 * It answers only after that work, so once the outbox has delivered, the case has moved on.
 */
export class FakeN8n {
  readonly calls: ReceivedCall[] = [];
  private readonly handlers = new Map<string, Handler>();
  private server: Server | undefined;
  url = '';

  on(pathPrefix: string, handler: Handler): void {
    this.handlers.set(pathPrefix, handler);
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const call: ReceivedCall = { path: request.url ?? '/', headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') };
        this.calls.push(call);
        const handler = [...this.handlers.entries()].find(([prefix]) => call.path.startsWith(prefix))?.[1];
        (handler ? handler(call) : Promise.resolve())
          .then(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'))
          .catch((error: unknown) => response.writeHead(500).end(String(error)));
      });
    });
    await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
  }
}
