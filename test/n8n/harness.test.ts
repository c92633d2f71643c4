import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { N8nApi } from './api';
import { startN8n, type N8nInstance } from './process';
import { COMPAT, CURRENT } from './profiles';
import { ensureRuntime } from './runtime';
import { setupInstance } from './setup';
import type { WorkflowInput } from './types';
import { callWebhook, productionWebhookUrl } from './webhook';

/** Webhook → Set → community probe node → Respond to Webhook. */
function greetingWorkflow(path: string): WorkflowInput {
  return {
    name: `harness smoke ${path}`,
    nodes: [
      {
        id: 'webhook',
        name: 'Webhook',
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, 0],
        webhookId: '0b9d5c8e-5d1f-4a53-9b1e-000000000001',
        parameters: { httpMethod: 'POST', path, responseMode: 'responseNode' },
      },
      {
        id: 'set',
        name: 'Set',
        type: 'n8n-nodes-base.set',
        typeVersion: 3.4,
        position: [200, 0],
        parameters: {
          mode: 'manual',
          assignments: { assignments: [{ id: 'greeting', name: 'greeting', type: 'string', value: "={{ 'hello ' + $json.body.name }}" }] },
          options: {},
        },
      },
      { id: 'probe', name: 'Probe', type: 'n8n-nodes-harness-probe.harnessProbe', typeVersion: 1, position: [400, 0], parameters: {} },
      {
        id: 'respond',
        name: 'Respond',
        type: 'n8n-nodes-base.respondToWebhook',
        typeVersion: 1.1,
        position: [600, 0],
        parameters: { respondWith: 'firstIncomingItem', options: {} },
      },
    ],
    connections: {
      Webhook: { main: [[{ node: 'Set', type: 'main', index: 0 }]] },
      Set: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] },
      Probe: { main: [[{ node: 'Respond', type: 'main', index: 0 }]] },
    },
  };
}

let packDir: string;
let probeTarball: string;

beforeAll(async () => {
  packDir = await mkdtemp(join(tmpdir(), 'caseflow-probe-'));
  const fixture = join(__dirname, 'fixtures', 'n8n-nodes-harness-probe');
  const { stdout } = await promisify(execFile)('npm', ['pack', fixture, '--pack-destination', packDir, '--silent']);
  probeTarball = join(packDir, stdout.trim().split('\n').pop() ?? '');
});

afterAll(async () => {
  await rm(packDir, { recursive: true, force: true });
});

describe.each([CURRENT, COMPAT])('a real n8n $n8nVersion ($name profile)', (profile) => {
  let n8n: N8nInstance | undefined;

  beforeAll(async () => {
    // A no-op when `tsx test/n8n/install.ts` ran first; otherwise this installs (minutes).
    await ensureRuntime(profile);
  }, 45 * 60_000);

  afterAll(async () => {
    await n8n?.stop();
  });

  it('runs a webhook workflow through a community node and records a successful execution', async () => {
    n8n = await startN8n({ profile, communityPackages: [probeTarball] });
    const { apiKey } = await setupInstance(n8n.baseUrl);
    const api = new N8nApi(n8n.baseUrl, apiKey);
    const workflow = await api.createWorkflow(greetingWorkflow(`smoke-${profile.name}`));
    expect((await api.activateWorkflow(workflow.id)).active).toBe(true);

    const response = await callWebhook(productionWebhookUrl(n8n.baseUrl, `smoke-${profile.name}`), { body: { name: 'Ada' } });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ greeting: 'hello Ada', probedBy: 'n8n-nodes-harness-probe' });

    const executions = await api.waitForExecutions(workflow.id);
    expect(executions).toHaveLength(1);
    expect(executions[0]?.status).toBe('success');
    const execution = await api.getExecution(executions[0]?.id ?? '', { includeData: true });
    expect(Object.keys(execution.data?.resultData.runData ?? {}).sort()).toEqual(['Probe', 'Respond', 'Set', 'Webhook']);
  });

  it('stays offline and stops its whole process group', async () => {
    const instance = n8n;
    if (!instance) throw new Error('n8n did not start in the previous test');
    await instance.stop();
    n8n = undefined;
    expect(() => process.kill(-instance.pid, 0)).toThrow();
    const log = await readFile(instance.logFile, 'utf8');
    // A name lookup means something tried to leave the machine.
    expect(log).not.toMatch(/getaddrinfo|ENOTFOUND|EAI_AGAIN/);
  });
});
