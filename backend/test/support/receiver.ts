import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Date.now() when the call had arrived in full. */
  at: number;
}

type Answer = number | [number, string] | [number, string, Record<string, string>];

/** A real HTTP server on loopback that answers with the statuses it is told to, in turn. */
export class Receiver {
  readonly calls: ReceivedCall[] = [];
  private statuses: Answer[] = [];
  private fallback = 200;
  private constructor(private readonly server: Server) {}

  static async start(): Promise<Receiver> {
    const server = createServer();
    const receiver = new Receiver(server);
    server.on('request', (request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        receiver.calls.push({ path: request.url ?? '/', headers: request.headers, body, at: Date.now() });
        const answer = receiver.statuses.shift() ?? receiver.fallback;
        const [status, reply, headers] = Array.isArray(answer) ? answer : [answer, '{}'];
        response.statusCode = status;
        for (const [name, value] of Object.entries(headers ?? {})) response.setHeader(name, value);
        response.end(reply);
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Answer the next calls with these statuses (or [status, body], [status, body, headers]), then with `fallback`. */
  answer(statuses: Answer[], fallback = 200): void {
    this.statuses = [...statuses];
    this.fallback = fallback;
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}
