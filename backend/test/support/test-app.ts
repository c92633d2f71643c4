import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app';
import { hashPassword, newApiKey, sha256 } from '../../src/auth/secrets';
import { ManualClock } from '../../src/common/clock';
import { newId } from '../../src/common/ids';
import { AppConfig, loadConfig } from '../../src/config/config';
import { Database } from '../../src/database/database';
import { ApiKeyTable, UserRole, UserTable } from '../../src/database/tables';
import { createTestDatabase, TestDatabase } from './database';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** supertest bound to the running backend, with the caller's credentials already on every request. */
export interface Client {
  get(path: string): request.Test;
  post(path: string): request.Test;
  put(path: string): request.Test;
  patch(path: string): request.Test;
  delete(path: string): request.Test;
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  config: AppConfig;
  clock: ManualClock;
  db: Database;
  /** No credentials at all. */
  anonymous: Client;
  /** An API key with every scope but admin, as n8n would have. */
  automation: Client;
  /** A signed-in admin user. */
  admin: Client;
  createUser(role: UserRole, overrides?: Partial<UserTable>): Promise<{ user: UserTable; client: Client; password: string }>;
  createApiKey(scopes: string[]): Promise<{ key: string; client: Client }>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  clock?: ManualClock;
  config?: Partial<AppConfig>;
}

function clientFor(baseUrl: string, headers: Record<string, string>): Client {
  const make = (method: Method) => (path: string) => {
    const test = request(baseUrl)[method](`/api/v1${path}`);
    for (const [name, value] of Object.entries(headers)) void test.set(name, value);
    return test;
  };
  return { get: make('get'), post: make('post'), put: make('put'), patch: make('patch'), delete: make('delete') };
}

export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database: TestDatabase = await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({ LOG_LEVEL: 'error', CASEFLOW_SIGNING_SECRET: 'test-signing-secret', CASEFLOW_SCHEDULER: 'off' }),
    database: database.config,
    // Tests play n8n and webhook receivers on loopback, on ports chosen at run time. A real backend
    // allows only its configured n8n (tests of the rules themselves override these).
    allowedResumeOrigins: ['http://127.0.0.1:*', 'http://localhost:*', 'http://n8n.local:*'],
    webhookAllowedHosts: ['127.0.0.1', 'localhost', '*.test'],
    ...options.config,
  };
  const clock = options.clock ?? new ManualClock(Date.UTC(2026, 10, 2, 9, 0, 0));
  const app = await createApp(config, { clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const db = app.get(Database);

  const createUser: TestApp['createUser'] = async (role, overrides = {}) => {
    const password = `pw-${newId()}`;
    const user: UserTable = {
      id: newId(),
      email: `${role}-${newId().slice(-8)}@example.test`,
      name: `${role[0]!.toUpperCase()}${role.slice(1)} ${newId().slice(-4)}`,
      passwordHash: await hashPassword(password),
      role,
      active: true,
      createdAt: clock.now(),
      updatedAt: clock.now(),
      ...overrides,
    };
    await db.transaction(() => db.manager.insert(UserTable, user));
    const login = await request(baseUrl).post('/api/v1/auth/login').send({ email: user.email, password });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${JSON.stringify(login.body)}`);
    const cookie = String(login.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
    // A browser sends Origin with every POST of the UI's own pages; the guard refuses cookie changes without it.
    return { user, password, client: clientFor(baseUrl, { cookie, origin: baseUrl }) };
  };

  const createApiKey: TestApp['createApiKey'] = async (scopes) => {
    const key = newApiKey();
    const row: ApiKeyTable = {
      id: newId(),
      name: `test key ${key.prefix}`,
      prefix: key.prefix,
      keyHash: sha256(key.full),
      scopes,
      createdBy: null,
      createdAt: clock.now(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await db.transaction(() => db.manager.insert(ApiKeyTable, row));
    return { key: key.full, client: clientFor(baseUrl, { 'x-api-key': key.full }) };
  };

  const automation = (await createApiKey(['automation'])).client;
  const admin = (await createUser('admin')).client;
  return {
    app,
    baseUrl,
    config,
    clock,
    db,
    anonymous: clientFor(baseUrl, {}),
    automation,
    admin,
    createUser,
    createApiKey,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
