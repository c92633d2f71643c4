import { N8nHttpError, requestJson } from './http';

/** Headless first-run: the owner account an instance is set up with, then an API key for it. */

export interface OwnerAccount {
  readonly email: string;
  /** n8n wants 8+ characters with a digit and an upper-case letter. */
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
}

export const DEFAULT_OWNER: OwnerAccount = {
  email: 'owner@caseflow.test',
  password: 'Caseflow-e2e-1',
  firstName: 'Case',
  lastName: 'Flow',
};

/** A signed-in browser session: the `n8n-auth` cookie for the internal /rest API. */
export interface Session {
  readonly baseUrl: string;
  readonly cookie: string;
}

/** Sets the owner up; on an instance that already has one, signs in as it instead. */
export async function ownerSetup(baseUrl: string, owner: OwnerAccount = DEFAULT_OWNER): Promise<Session> {
  try {
    const response = await requestJson<unknown>('POST', `${baseUrl}/rest/owner/setup`, { body: owner });
    return { baseUrl, cookie: authCookie(response.headers) };
  } catch (error) {
    if (error instanceof N8nHttpError && error.status === 400 && /already/i.test(error.responseText)) {
      return await login(baseUrl, owner);
    }
    throw error;
  }
}

export async function login(baseUrl: string, owner: OwnerAccount = DEFAULT_OWNER): Promise<Session> {
  const response = await requestJson<unknown>('POST', `${baseUrl}/rest/login`, {
    // 1.x and 2.x read `emailOrLdapLoginId`; older releases read `email`. Unknown keys are ignored.
    body: { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password },
  });
  return { baseUrl, cookie: authCookie(response.headers) };
}

interface ApiKeyRecord {
  readonly id: string;
  readonly label: string;
}

/**
 * Creates a public-API key that never expires, with every scope the owner may grant. n8n shows a
 * key's secret only once, so a key of the same label left by an earlier run is deleted first.
 */
export async function createApiKey(session: Session, label = 'caseflow-harness'): Promise<string> {
  const headers = { cookie: session.cookie };
  const scopes = (await requestJson<{ data: string[] }>('GET', `${session.baseUrl}/rest/api-keys/scopes`, { headers })).body.data;
  const existing = (await requestJson<{ data: ApiKeyRecord[] | { items: ApiKeyRecord[] } }>('GET', `${session.baseUrl}/rest/api-keys`, { headers })).body.data;
  const keys = Array.isArray(existing) ? existing : existing.items;
  for (const key of keys.filter((k) => k.label === label)) {
    await requestJson<unknown>('DELETE', `${session.baseUrl}/rest/api-keys/${key.id}`, { headers });
  }
  const created = await requestJson<{ data: { rawApiKey?: string; apiKey: string } }>('POST', `${session.baseUrl}/rest/api-keys`, {
    headers,
    body: { label, scopes, expiresAt: null },
  });
  return created.body.data.rawApiKey ?? created.body.data.apiKey;
}

/** Owner plus API key: everything a test needs to drive a fresh instance. */
export async function setupInstance(baseUrl: string, owner: OwnerAccount = DEFAULT_OWNER): Promise<{ session: Session; apiKey: string }> {
  const session = await ownerSetup(baseUrl, owner);
  return { session, apiKey: await createApiKey(session) };
}

function authCookie(headers: Headers): string {
  const cookie = headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
  if (!cookie) throw new Error('n8n set no n8n-auth cookie');
  return cookie.split(';')[0] ?? cookie;
}
