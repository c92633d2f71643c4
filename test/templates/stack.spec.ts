import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../n8n';
import { waitFor } from './support/wait';

/**
 * The local stack as a new user starts it: nothing pre-configured but a fresh data folder. One
 * booking runs through it; after Ctrl-C and a second start the data is still there.
 */
const ROOT = join(__dirname, '..', '..');

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startStack(env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'stack', 'start.ts')], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function ready(stack: Started, timeoutMs: number): Promise<void> {
  await waitFor('the stack to print "ready"', async () => {
    if (stack.child.exitCode !== null) throw new Error(`the stack exited with ${stack.child.exitCode}:\n${stack.output()}`);
    return stack.output().includes('[caseflow] ready');
  }, timeoutMs, 1000);
}

/** Ctrl-C, as in a terminal: the whole foreground group gets SIGINT. */
async function interrupt(stack: Started): Promise<number | null> {
  process.kill(-stack.child.pid!, 'SIGINT');
  return stack.exited;
}

async function portFree(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(() => false, () => true);
}

describe('npm start (the local stack)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let ports: { backend: number; n8n: number };
  let stack: Started | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'caseflow-stack-'));
    ports = { backend: await freePort(), n8n: await freePort() };
    env = { ...process.env, CASEFLOW_STACK_DIR: dataDir, CASEFLOW_STACK_BACKEND_PORT: String(ports.backend), CASEFLOW_STACK_N8N_PORT: String(ports.n8n) };
    delete env.NODE_ENV;
  });

  afterAll(async () => {
    if (stack && stack.child.exitCode === null) await interrupt(stack);
    await rm(dataDir, { recursive: true, force: true });
  });

  const signIn = async (): Promise<string> => {
    const state = JSON.parse(await readFile(join(dataDir, 'stack.json'), 'utf8')) as { admin: { email: string; password: string } };
    const response = await fetch(`http://127.0.0.1:${ports.backend}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(state.admin),
    });
    expect(response.status).toBe(200);
    return response.headers.getSetCookie()[0]!.split(';')[0]!;
  };
  const get = async <T>(cookie: string, path: string): Promise<T> => {
    const response = await fetch(`http://127.0.0.1:${ports.backend}/api/v1${path}`, { headers: { cookie } });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  it('starts from nothing, runs a booking, and keeps its data across a restart', async () => {
    stack = startStack(env);
    await ready(stack, 25 * 60_000);
    expect(stack.output()).toContain(`http://127.0.0.1:${ports.backend}`);
    expect(stack.output()).toContain('reviewer   advisor@caseflow.local');
    let cookie = await signIn();
    const templates = await get<Array<{ name: string; installed: boolean }>>(cookie, '/templates').catch(() => null);
    if (templates) expect(templates.every((t) => t.installed)).toBe(true);
    const seeded = await get<{ total: number }>(cookie, '/instances?limit=1');
    expect(seeded.total).toBeGreaterThanOrEqual(11);

    // A course date 40 days out, then a booking on it made 1 minute 55 seconds ago: the confirmation goes out in about 5 seconds.
    const courseDate = { entity: { type: 'course-date', externalId: 'CD-STACK', name: 'Stack Course', attributes: { startDate: new Date(Date.now() + 40 * 86_400_000).toISOString(), minimumDelegates: 1 } } };
    const dated = await fetch(`http://127.0.0.1:${ports.n8n}/webhook/caseflow-course-date`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(courseDate) });
    expect(dated.status).toBe(201);
    const booking = {
      entity: { type: 'booking', externalId: 'B-STACK-1', name: 'Stack Tester', email: 'stack.tester@example.test', managerEmail: 'boss@example.test' },
      data: { bookedAt: new Date(Date.now() - 115_000).toISOString(), courseDate: 'CD-STACK' },
    };
    const hook = await fetch(`http://127.0.0.1:${ports.n8n}/webhook/caseflow-booking`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(booking) });
    expect(hook.status).toBe(201);
    expect(await hook.json()).toMatchObject({ status: 'created' });
    await waitFor('the booking confirmation in the mailbox', async () => {
      const mail = await get<{ items: Array<{ subject: string; recipients: string[] }> }>(cookie, '/mailbox?limit=200');
      return mail.items.some((m) => m.recipients.includes('stack.tester@example.test') && m.subject === 'Your place on Stack Course is confirmed');
    }, 90_000);
    // The mail is queued by "Send confirmation"; "Confirmed stage" runs just after it in the same execution.
    // Stopping n8n between the two would cut that execution short, so the restart waits for the stage.
    const stageOf = async (c: string): Promise<string | undefined> => {
      const found = await get<{ items: Array<{ entity: { externalId: string }; currentStage: { key: string } | null }> }>(c, '/instances?processKey=bookings&limit=100');
      return found.items.find((i) => i.entity.externalId === 'B-STACK-1')?.currentStage?.key;
    };
    await waitFor('the booking in its confirmed stage', async () => (await stageOf(cookie)) === 'confirmed', 30_000);
    const before = await get<{ total: number }>(cookie, '/instances?limit=1');

    expect(await interrupt(stack)).toBe(0);
    expect(await portFree(ports.backend)).toBe(true);
    expect(await portFree(ports.n8n)).toBe(true);

    stack = startStack(env);
    await ready(stack, 5 * 60_000);
    expect(stack.output()).toContain('build: up to date');
    expect(stack.output()).not.toContain('seed:');
    expect(stack.output()).not.toContain('creating the owner');
    cookie = await signIn();
    expect((await get<{ total: number }>(cookie, '/instances?limit=1')).total).toBe(before.total);
    expect(await stageOf(cookie)).toBe('confirmed');
    expect(await interrupt(stack)).toBe(0);
  });
});
