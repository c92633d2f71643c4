import { Agent, request } from 'node:http';
import type { RawRequest } from './hostile-requests';

export interface RawResponse {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

// A connection per request: the server may close one after refusing a body it did not read.
const agent = new Agent({ keepAlive: false });

/** Sends the request as is: node:http leaves the path alone, where fetch would normalise it. */
export function send(baseUrl: string, raw: Omit<RawRequest, 'why'>): Promise<RawResponse> {
  const url = new URL(baseUrl);
  // node:http sends a DELETE body without a length unless told, which no server can frame.
  const headers = raw.body === undefined ? raw.headers : { ...raw.headers, 'content-length': String(Buffer.byteLength(raw.body)) };
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { agent, host: url.hostname, port: url.port, method: raw.method, path: raw.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: response.headers }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(raw.body);
  });
}

export function closeConnections(): void {
  agent.destroy();
}
