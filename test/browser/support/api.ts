import type request from 'supertest';

/** Awaits a supertest call and insists on the status; a seed step that fails says why. */
export async function expectStatus<T = Record<string, unknown>>(call: request.Test, status: number | number[]): Promise<T> {
  const response = await call;
  const allowed = Array.isArray(status) ? status : [status];
  if (!allowed.includes(response.status)) {
    const { method, url } = call as unknown as { method: string; url: string };
    throw new Error(`${method} ${url} answered ${response.status}, expected ${allowed.join('/')}: ${JSON.stringify(response.body)}`);
  }
  return response.body as T;
}
