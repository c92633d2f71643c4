import { request, createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  /** http://127.0.0.1:<port>: the one base URL the n8n credential uses. */
  readonly url: string;
  /** Requests each upstream answered, by its origin. */
  readonly served: ReadonlyMap<string, number>;
  /** Answers the proxy threw away (see LostAnswers), by rule. */
  readonly lost: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

/**
 * Calls whose answer the proxy throws away after a replica handled them, answering 502 instead, as a
 * load balancer does when a replica dies between doing the work and answering: `"POST /timers": 3`
 * loses the answers of the first three timer registrations.
 */
export type LostAnswers = Record<string, number>;

/**
 * The load balancer a deployment puts in front of the replicas, on loopback: requests go round robin,
 * and one that cannot even connect (a replica that is down) is sent to the next replica. Nothing is
 * retried once a replica has taken the request, so a POST never runs twice. A fresh connection per
 * request (no keep-alive pool), so a killed replica shows as refused, never as a pooled socket reset.
 */
export async function startRoundRobinProxy(upstreams: readonly string[], lostAnswers: LostAnswers = {}): Promise<RoundRobinProxy> {
  const served = new Map<string, number>(upstreams.map((origin) => [origin, 0]));
  const lost = new Map<string, number>(Object.keys(lostAnswers).map((rule) => [rule, 0]));
  /** Whether this call's answer is to be lost: its rule (method and path under /api/v1) has some left. */
  const loses = (incoming: IncomingMessage): boolean => {
    const rule = `${incoming.method} ${(incoming.url ?? '').replace(/^\/api\/v1/, '').split('?')[0]}`;
    if ((lost.get(rule) ?? Infinity) >= (lostAnswers[rule] ?? 0)) return false;
    lost.set(rule, lost.get(rule)! + 1);
    return true;
  };
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const first = next++ % upstreams.length;
      const order = upstreams.map((_, i) => upstreams[(first + i) % upstreams.length]!);
      forward(incoming, Buffer.concat(chunks), order, outgoing, served, loses(incoming));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    served,
    lost,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function forward(incoming: IncomingMessage, body: Buffer, order: string[], outgoing: ServerResponse, served: Map<string, number>, loseAnswer: boolean): void {
  const [origin, ...rest] = order;
  if (origin === undefined) {
    outgoing.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'no replica answered' }));
    return;
  }
  const target = new URL(incoming.url ?? '/', origin);
  const upstream = request(target, { method: incoming.method, headers: { ...incoming.headers, host: target.host }, agent: false }, (answer) => {
    served.set(origin, (served.get(origin) ?? 0) + 1);
    if (loseAnswer) {
      answer.resume();
      answer.once('end', () => outgoing.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'answer lost (injected)' })));
      return;
    }
    outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(outgoing);
  });
  upstream.on('error', (error: NodeJS.ErrnoException) => {
    // Refused: the replica never saw the request, so the next one may take it. Anything later is the caller's to retry.
    if (error.code === 'ECONNREFUSED' && !outgoing.headersSent) return forward(incoming, body, rest, outgoing, served, loseAnswer);
    if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'application/json' });
    outgoing.end(JSON.stringify({ error: `upstream ${origin}: ${error.message}` }));
  });
  upstream.end(body);
}
