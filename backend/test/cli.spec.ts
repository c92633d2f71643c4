import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import request from 'supertest';
import { createApp } from '../src/app';
import { FirstAdminBootstrap, firstAdminFromEnv } from '../src/bootstrap/first-admin';
import { runCli } from '../src/cli';
import { AppConfig, DatabaseConfig, loadConfig } from '../src/config/config';
import { Database } from '../src/database/database';
import { EventTable, UserTable } from '../src/database/tables';
import type { UsersService } from '../src/users/users.service';
import { createTestDatabase, TestDatabase } from './support/database';
import { startTestApp } from './support/test-app';

const BACKEND = resolve(__dirname, '..');
const databaseUrl = (config: DatabaseConfig): string => (config.type === 'sqlite' ? `sqlite:${config.path}` : config.url);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real command line, in its own process, as an operator would run it. */
function runCliProcess(args: string[], database: DatabaseConfig): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl(database), LOG_LEVEL: 'error' };
  delete env.CASEFLOW_ADMIN_EMAIL;
  delete env.CASEFLOW_ADMIN_PASSWORD;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'src/cli.ts', ...args], { cwd: BACKEND, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function configFor(database: DatabaseConfig): AppConfig {
  return { ...loadConfig({ LOG_LEVEL: 'error', CASEFLOW_SCHEDULER: 'off' }), database };
}

async function startOn(database: DatabaseConfig): Promise<{ app: NestFastifyApplication; baseUrl: string }> {
  const app = await createApp(configFor(database));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { app, baseUrl: `http://127.0.0.1:${address.port}` };
}

function captured(): { out: string[]; err: string[]; output: { out(line: string): void; err(line: string): void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, output: { out: (line) => out.push(line), err: (line) => err.push(line) } };
}

describe('cli', () => {
  let database: TestDatabase;
  let server: { app: NestFastifyApplication; baseUrl: string } | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.app.close();
    await database.drop();
  });

  it('create-admin makes the first admin on a fresh database, who can then sign in; a taken email exits 1', async () => {
    const first = await runCliProcess(['create-admin', '--email', 'Ada@Example.com', '--password', 'correct-horse-battery', '--name', 'Ada'], database.config);
    expect(first.stderr).not.toMatch(/Failed/);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Created admin ada@example.com/);

    const again = await runCliProcess(['create-admin', '--email', 'ada@example.com', '--password', 'another-password'], database.config);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/A user with email ada@example.com already exists/);

    server = await startOn(database.config);
    const login = await request(server.baseUrl).post('/api/v1/auth/login').send({ email: 'ada@example.com', password: 'correct-horse-battery' }).expect(200);
    expect(login.body).toMatchObject({ name: 'Ada', role: 'admin' });
    const db = server.app.get(Database);
    const events = await db.read(() => db.manager.find(EventTable, { where: { type: 'user.created' } }));
    expect(events).toEqual([expect.objectContaining({ actorType: 'system', actorName: 'cli' })]);
  }, 120_000);

  it('create-api-key prints a working key once, on stdout alone', async () => {
    const { out, err, output } = captured();
    expect(await runCli(['create-api-key', '--name', 'n8n', '--scopes', 'automation,reports:read'], configFor(database.config), output)).toBe(0);
    expect(out).toEqual([expect.stringMatching(/^cf_[0-9a-f]{12}_/)]);
    expect(err.join('\n')).toMatch(/shown only now/);
    const me = await request(server!.baseUrl).get('/api/v1/auth/me').set('x-api-key', out[0]!).expect(200);
    expect(me.body).toMatchObject({ type: 'api_key', name: 'n8n' });
    expect(me.body.permissions).not.toContain('admin');
  });

  it('exits 1 with a clear message on bad input, before touching the database', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['create-api-key', '--name', 'x', '--scopes', 'root'], /each scope must be one of/],
      [['create-api-key', '--name', 'x'], /scopes/],
      [['create-admin', '--email', 'b@example.com', '--password', 'short'], /password must be longer than or equal to 10/],
      [['create-admin', '--email', 'not-an-email', '--password', 'long-enough-pw'], /email must be an email/],
      [['drop-tables'], /Unknown command "drop-tables"/],
      [[], /No command given/],
    ];
    for (const [args, message] of cases) {
      const { err, output } = captured();
      expect(await runCli(args, configFor(database.config), output)).toBe(1);
      expect(err.join('\n')).toMatch(message);
    }
    const db = server!.app.get(Database);
    expect(await db.read(() => db.manager.countBy(UserTable, { email: 'b@example.com' }))).toBe(0);
  });
});

describe('first admin from the environment', () => {
  const saved = { email: process.env.CASEFLOW_ADMIN_EMAIL, password: process.env.CASEFLOW_ADMIN_PASSWORD };
  afterEach(() => {
    process.env.CASEFLOW_ADMIN_EMAIL = saved.email;
    process.env.CASEFLOW_ADMIN_PASSWORD = saved.password;
    if (saved.email === undefined) delete process.env.CASEFLOW_ADMIN_EMAIL;
    if (saved.password === undefined) delete process.env.CASEFLOW_ADMIN_PASSWORD;
  });

  it('creates that admin on a start with no users, recorded as the bootstrap', async () => {
    process.env.CASEFLOW_ADMIN_EMAIL = 'Root@Example.com';
    process.env.CASEFLOW_ADMIN_PASSWORD = 'from-the-environment';
    const t = await startTestApp();
    try {
      const res = await t.anonymous.post('/auth/login').send({ email: 'root@example.com', password: 'from-the-environment' }).expect(200);
      expect(res.body.role).toBe('admin');
      const events = await t.db.read(() => t.db.manager.find(EventTable, { where: { type: 'user.created' } }));
      expect(events.filter((e) => e.actorName === 'bootstrap').map((e) => e.data.email)).toEqual(['root@example.com']);
    } finally {
      await t.close();
    }
  });

  it('does nothing once any user exists', async () => {
    const database = await createTestDatabase();
    try {
      const first = await startOn(database.config);
      await first.app.close();
      const { output } = captured();
      process.env.CASEFLOW_ADMIN_EMAIL = 'first@example.com';
      process.env.CASEFLOW_ADMIN_PASSWORD = 'first-password';
      // The CLI boots the same application, so its start creates the env admin.
      expect(await runCli(['create-admin', '--email', 'second@example.com', '--password', 'second-password'], configFor(database.config), output)).toBe(0);
      process.env.CASEFLOW_ADMIN_EMAIL = 'late@example.com';
      const again = await startOn(database.config);
      try {
        const db = again.app.get(Database);
        const emails = (await db.read(() => db.manager.find(UserTable, { order: { email: 'ASC' } }))).map((u) => u.email);
        expect(emails).toEqual(['first@example.com', 'second@example.com']);
      } finally {
        await again.app.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('reads nothing unless both variables are set, and refuses to start with a weak password', async () => {
    expect(firstAdminFromEnv({ CASEFLOW_ADMIN_EMAIL: 'a@example.com' })).toBeNull();
    expect(firstAdminFromEnv({ CASEFLOW_ADMIN_PASSWORD: 'x'.repeat(12) })).toBeNull();
    expect(firstAdminFromEnv({ CASEFLOW_ADMIN_EMAIL: ' a@example.com ', CASEFLOW_ADMIN_PASSWORD: 'pw' })).toEqual({ email: 'a@example.com', password: 'pw', name: 'Administrator' });

    process.env.CASEFLOW_ADMIN_EMAIL = 'weak@example.com';
    process.env.CASEFLOW_ADMIN_PASSWORD = 'short';
    const created: unknown[] = [];
    const users = { hasUsers: async () => false, createFirstAdmin: async (...args: unknown[]) => created.push(args) } as unknown as UsersService;
    await expect(new FirstAdminBootstrap(users).onApplicationBootstrap()).rejects.toThrow(/CASEFLOW_ADMIN_PASSWORD: password must be longer than or equal to 10 characters/);
    expect(created).toEqual([]);
  });
});
