import { request, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  /** http://127.0.0.1:<port>: the one base URL the n8n credential uses. */
  readonly url: string;
  /** Requests each upstream answered, by its origin. */
  readonly served: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/**
 * The load balancer a deployment puts in front of the replicas, on loopback: requests go round robin,
 * and one that cannot even connect (a replica that is down) is sent to the next replica. Nothing is
 * retried once a replica has taken the request, so a POST never runs twice. A fresh connection per
 * request (no keep-alive pool), so a killed replica shows as refused, never as a pooled socket reset.
 */
export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  const served = new Map<string, number>(upstreams.map((origin) => [origin, 0]));
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const first = next++ % upstreams.length;
      const order = upstreams.map((_, i) => upstreams[(first + i) % upstreams.length]!);
      forward(incoming, Buffer.concat(chunks), order, outgoing, served);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function forward(incoming: IncomingMessage, body: Buffer, order: string[], outgoing: ServerResponse, served: Map<string, number>): void {
  const [origin, ...rest] = order;
  if (origin === undefined) {
    outgoing.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'no replica answered' }));
    return;
  }
  const target = new URL(incoming.url ?? '/', origin);
  const upstream = request(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host }, agent: false }, (answer) => {
    served.set(origin, (served.get(origin) ?? 0) + 1);
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    // Refused: the replica never saw the request, so the next one may take it. Anything later is the caller's to retry.
    if (error.code === 'ECONNREFUSED' && !outgoing.headersSent) return forward(incoming, body, rest, outgoing, served);
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' });
    outgoing.end(JSON.stringify({ error: `upstream ${origin}: ${error.message}` }));
  });
  upstream.end(body);
}
