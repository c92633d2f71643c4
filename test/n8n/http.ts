/** The one place the harness speaks HTTP to n8n: JSON in, JSON out, errors that quote n8n. */

export class N8nHttpError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`${method} ${url} answered ${status}: ${responseText.slice(0, 500)}`);
    this.name = 'N8nHttpError';
  }
}

export interface JsonRequest {
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly timeoutMs?: number;
}

export interface JsonResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Sends a request; any status outside 2xx rejects with N8nHttpError. */
export async function requestJson<T>(method: string, url: string, request: JsonRequest = {}): Promise<JsonResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new N8nHttpError(method, url, response.status, text);
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : undefined) as T };
}
