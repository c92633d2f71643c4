/**
 * The one way the UI talks to the backend: typed JSON over fetch, with the session cookie,
 * and every failure turned into an ApiError whose message a reviewer can read.
 */

export const API_BASE = '/api/v1';

export interface FieldError {
  field: string;
  messages: string[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly details: FieldError[];
  readonly correlationId?: string;
  /** The parsed error body, for answers that carry more than a message (a 422's `problems`, a 409's `plan`). */
  readonly body?: unknown;

  constructor(status: number, message: string, details: FieldError[] = [], correlationId?: string, body?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
    this.correlationId = correlationId;
    this.body = body;
  }

  get isConflict(): boolean {
    return this.status === 409;
  }

  get isUnauthenticated(): boolean {
    return this.status === 401;
  }
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function buildUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(name, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

interface ErrorBody {
  statusCode?: number;
  message?: unknown;
  details?: unknown;
  correlationId?: unknown;
}

const SESSION_ENDED = 'Your session has ended. Please sign in again.';

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'Some of the values are not valid.',
  401: SESSION_ENDED,
  403: 'You do not have permission to do this.',
  404: 'This item no longer exists.',
  409: 'Someone else changed this in the meantime.',
  413: 'That is too large to upload.',
};

function readDetails(raw: unknown): FieldError[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    const candidate = entry as { field?: unknown; messages?: unknown } | null;
    if (!candidate || typeof candidate.field !== 'string' || !Array.isArray(candidate.messages)) return [];
    return [{ field: candidate.field, messages: candidate.messages.map(String) }];
  });
}

/** Maps a failed response (its status and parsed body, if any) to the error the UI shows. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const details = readDetails(parsed.details);
  const correlationId = typeof parsed.correlationId === 'string' ? parsed.correlationId : undefined;
  // A 502 or 503 from the backend is its own word on an upstream (n8n) that would not, or is not set up to, do something.
  const upstream = (status === 502 || status === 503) && typeof parsed.message === 'string' && parsed.message.trim() !== '' && !correlationId;
  if (status >= 500 && !upstream) {
    const suffix = correlationId ? ` (reference ${correlationId})` : '';
    return new ApiError(status, `The server could not complete this request. Please try again${suffix}.`, details, correlationId);
  }
  // The guard's wording is meant for API clients; in the UI a 401 only ever means "sign in again".
  if (status === 401) return new ApiError(status, SESSION_ENDED, details, correlationId);
  if (details.length > 0) {
    const message = details.map((d) => `${humanizeField(d.field)}: ${d.messages.join(', ')}`).join('; ');
    return new ApiError(status, message, details, correlationId);
  }
  const message = typeof parsed.message === 'string' && parsed.message.trim() !== '' ? parsed.message : undefined;
  return new ApiError(status, message ?? FALLBACK_MESSAGES[status] ?? `Request failed (${status}).`, details, correlationId, body);
}

function humanizeField(field: string): string {
  const last = field.split('.').pop() ?? field;
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** The session provider listens here so any 401 sends the user back to sign-in. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      credentials: 'include',
      headers: options.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'Caseflow cannot be reached. Check your connection and try again.');
  }
  const text = await response.text();
  const body: unknown = text === '' ? undefined : safeParse(text);
  if (!response.ok) {
    const error = toApiError(response.status, body);
    if (error.isUnauthenticated && path !== '/auth/login') unauthenticatedListeners.forEach((listener) => listener(error));
    throw error;
  }
  return body as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A POST whose answer is a file (a rendered PDF), as a Blob; failures read like every other call's. */
async function requestBlob(path: string, body: unknown, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path), {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'Caseflow cannot be reached. Check your connection and try again.');
  }
  if (!response.ok) {
    const text = await response.text();
    throw toApiError(response.status, text === '' ? undefined : safeParse(text));
  }
  return response.blob();
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, signal?: AbortSignal) => request<T>('POST', path, { body: body ?? {}, signal }),
  postForBlob: requestBlob,
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** Links the browser follows itself (CSV downloads) go through the same URL builder. */
export const apiUrl = buildUrl;
