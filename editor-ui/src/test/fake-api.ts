import { vi } from 'vitest';

export interface RecordedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

type Handler = (call: RecordedCall) => { status?: number; body?: unknown } | undefined;

/**
 * Stands in for the backend at the fetch boundary: routes "METHOD /path" to handlers
 * and records every call, so tests can assert what was (and was not) sent.
 */
export function installFakeApi(routes: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api\/v1/, '');
    const call: RecordedCall = { method, path, query: url.searchParams, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const match = Object.entries(routes).find(([pattern]) => matches(pattern, method, path));
    const result = match ? match[1](call) : { status: 404, body: { statusCode: 404, message: `No fake for ${method} ${path}` } };
    const status = result?.status ?? 200;
    return new Response(result?.body === undefined ? '' : JSON.stringify(result.body), { status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}

function matches(pattern: string, method: string, path: string): boolean {
  const [patternMethod, patternPath = ''] = pattern.split(' ');
  if (patternMethod !== method) return false;
  const regex = new RegExp(`^${patternPath.replace(/:[a-zA-Z]+/g, '[^/]+')}$`);
  return regex.test(path);
}
