/**
 * The launch and decide load that backend-load runs on SQLite and backend-load-postgres on
 * PostgreSQL: the same process, the same requests, the same autocannon settings, so their figures
 * compare.
 */
import autocannon from 'autocannon';
import { Backend, cpuSeconds, createApiKey, RESUME_ORIGIN, signIn } from './backend';

export const CONNECTIONS = 50;
export const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);

export interface Run {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

/** A run with the CPU each backend process used per request of the whole run, in the order of the pids given. */
export interface MeasuredRun extends Run {
  cpuMs: number[];
}

/** The queue and the published one-stage process the load launches into; returns an automation API key. */
export async function setUp(backend: Backend): Promise<string> {
  const cookie = await signIn(backend);
  const key = await createApiKey(backend, cookie, ['automation']);
  const post = (path: string, body?: object) => backend.api(path, { method: 'POST', cookie, body: body && JSON.stringify(body) });
  await post('/queues', { key: 'reviewers', name: 'Reviewers' });
  await post('/processes', {
    key: 'bench',
    name: 'Bench',
    entityTypes: ['booking'],
    stages: [{ key: 'review', name: 'Review', ownerQueue: 'reviewers', slaMinutes: 60 }],
    decisions: [{ key: 'approve', label: 'Approve' }, { key: 'reject', label: 'Reject' }],
  });
  await post('/processes/bench/publish');
  return key;
}

/** Body of the n-th launch: a new entity every time; `prefix` keeps the external ids of two runs on one database apart. */
export const launchBody = (prefix: string) => (n: number): object => ({
  processKey: 'bench',
  entity: { type: 'booking', externalId: `${prefix}-${n}`, name: `Booking ${n}` },
  data: { seats: n % 20 },
  stageKey: 'review',
});

/**
 * POSTs for `seconds` over CONNECTIONS connections. With several URLs autocannon spreads the
 * connections over them in turn (connection i goes to url i mod n), so each backend gets an equal
 * share and the latencies land in one histogram.
 */
export function load(url: string | string[], key: string, path: (n: number) => string, body: (n: number) => object, seconds = DURATION_S): Promise<Run> {
  let n = 0;
  return new Promise((done, fail) => {
    autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-api-key': key },
            setupRequest: (request) => {
              const i = n++;
              return { ...request, path: path(i), body: JSON.stringify(body(i)) };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return fail(error);
        done({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          total: result.requests.total,
          non2xx: result.non2xx,
          errors: result.errors,
        });
      },
    );
  });
}

/** How many open tasks a decision run needs so it decides a different task with every request. */
export const tasksFor = (launchesPerSecond: number): number => Math.ceil(launchesPerSecond * DURATION_S * 2.5) + 1000;

/** Pre-creates open tasks so the decision run decides a different task with every request. */
export async function openTasks(backend: Backend, key: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const batch = 50;
  for (let start = 0; start < count; start += batch) {
    const made = await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, async (_, j) => {
        const n = start + j;
        const instance = (await (await backend.api('/instances', { method: 'POST', key, body: JSON.stringify({ processKey: 'bench', entity: { type: 'booking', externalId: `T-${n}` }, stageKey: 'review' }) })).json()) as { id: string };
        // As n8n's Await Decision creates them: deciding one also writes the outbox row that resumes the execution.
        const resumeUrl = `${RESUME_ORIGIN}/webhook-waiting/${n}`;
        const task = (await (await backend.api('/tasks', { method: 'POST', key, body: JSON.stringify({ instanceId: instance.id, queue: 'reviewers', title: `Task ${n}`, resumeUrl }) })).json()) as { id: string };
        return task.id;
      }),
    );
    ids.push(...made);
  }
  return ids;
}

/** Runs `run` and charges each backend process's CPU over it to the run's requests. */
export async function measured(pids: number[], run: () => Promise<Run>): Promise<MeasuredRun> {
  const before = pids.map(cpuSeconds);
  const result = await run();
  const cpuMs = pids.map((pid, i) => ((cpuSeconds(pid) - before[i]!) * 1000) / Math.max(1, result.total));
  return { ...result, cpuMs };
}
