import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../test/fake-api';
import { api, ApiError, buildUrl, onUnauthenticated, toApiError } from './client';

afterEach(() => vi.unstubAllGlobals());

describe('toApiError', () => {
  it('spells out field errors with readable field names', () => {
    const error = toApiError(400, {
      statusCode: 400,
      message: 'decision: must be a string',
      details: [{ field: 'captured.refundAmount', messages: ['must be a number'] }],
    });
    expect(error.status).toBe(400);
    expect(error.message).toBe('Refund amount: must be a number');
    expect(error.details).toEqual([{ field: 'captured.refundAmount', messages: ['must be a number'] }]);
  });

  it('keeps the backend message of a conflict', () => {
    const error = toApiError(409, { statusCode: 409, message: 'The task was already decided by Bob.' });
    expect(error.isConflict).toBe(true);
    expect(error.message).toBe('The task was already decided by Bob.');
  });

  it('turns any 401 into "sign in again", whatever the guard said', () => {
    const error = toApiError(401, { statusCode: 401, message: 'Sign in, or send an API key in the X-API-Key header.' });
    expect(error.message).toBe('Your session has ended. Please sign in again.');
  });

  it('never shows server internals for a 500, but quotes the correlation id', () => {
    const error = toApiError(500, { statusCode: 500, message: 'TypeError: x is undefined', correlationId: 'abc-123' });
    expect(error.message).toBe('The server could not complete this request. Please try again (reference abc-123).');
    expect(error.message).not.toContain('TypeError');
  });

  it('keeps the backend\'s own explanation of a 502 (n8n would not do it)', () => {
    const error = toApiError(502, { statusCode: 502, message: 'n8n did not retry execution 7: 404' });
    expect(error.message).toBe('n8n did not retry execution 7: 404');
  });

  it('falls back to a plain sentence when the body is not JSON', () => {
    expect(toApiError(403, undefined).message).toBe('You do not have permission to do this.');
    expect(toApiError(418, 'teapot').message).toBe('Request failed (418).');
  });
});

describe('buildUrl', () => {
  it('prefixes the API base and drops empty query values', () => {
    expect(buildUrl('/tasks', { queue: 'advisors', stageKey: '', overdue: true, offset: 0, priority: undefined })).toBe(
      '/api/v1/tasks?queue=advisors&overdue=true&offset=0',
    );
  });
});

describe('api', () => {
  it('sends the session cookie and JSON, and returns the parsed body', async () => {
    const { fetchMock } = installFakeApi({ 'POST /tasks/:id/claim': () => ({ body: { id: 't1', status: 'claimed' } }) });
    await expect(api.post('/tasks/t1/claim')).resolves.toEqual({ id: 't1', status: 'claimed' });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.credentials).toBe('include');
    expect(init?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('throws an ApiError with the mapped message', async () => {
    installFakeApi({ 'POST /tasks/:id/decide': () => ({ status: 409, body: { statusCode: 409, message: 'Already decided.' } }) });
    const failure = api.post('/tasks/t1/decide', { decision: 'approve' });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 409, message: 'Already decided.' });
  });

  it('tells listeners about a lost session, but not about a failed sign-in', async () => {
    installFakeApi({
      'GET /tasks': () => ({ status: 401, body: { statusCode: 401, message: 'no' } }),
      'POST /auth/login': () => ({ status: 401, body: { statusCode: 401, message: 'Email or password is wrong.' } }),
    });
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await expect(api.post('/auth/login', { email: 'a@b.c', password: 'x' })).rejects.toMatchObject({ status: 401 });
    expect(listener).not.toHaveBeenCalled();
    await expect(api.get('/tasks')).rejects.toMatchObject({ status: 401 });
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
  });

  it('explains a network failure in words', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(api.get('/tasks')).rejects.toMatchObject({ status: 0, message: 'Caseflow cannot be reached. Check your connection and try again.' });
  });
});

describe('api.postForBlob', () => {
  it('answers a file as a Blob, and a refusal as the same ApiError as any call', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).endsWith('/0')
          ? new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } })
          : new Response(JSON.stringify({ statusCode: 404, message: 'The draft has no document 3.' }), { status: 404 }),
      ),
    );
    const pdf = await api.postForBlob('/message-templates/preview/documents/0', { subject: 'x' });
    expect(await pdf.text()).toBe('%PDF-1.7');
    await expect(api.postForBlob('/message-templates/preview/documents/3', { subject: 'x' })).rejects.toMatchObject({ status: 404, message: 'The draft has no document 3.' });
  });
});
