/**
 * The request path bench/notify-queue.ts measures: closed-loop workers running the cycle a flow
 * runs when a case arrives (POST /instances, then POST /tasks with two decisions, as Await
 * Decision creates it) for a fixed time, counting cycles, latencies, the backend's CPU and the
 * notification jobs the tasks queued.
 */
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { count, JOBS } from './notify-queue-drain';
import { DECISIONS, MEMBERS } from './notify-queue-setup';
import { Backend, cpuSeconds, RESUME_ORIGIN } from './support/backend';

export const VARIANTS = [
  { name: 'A', queue: 'quiet', label: 'A: queue without members' },
  { name: 'B', queue: 'crowd', label: `B: queue of ${MEMBERS} members` },
] as const;
export type Variant = (typeof VARIANTS)[number];

export interface Round {
  cycles: number;
  seconds: number;
  latencies: number[];
  cpuMs: number;
  /** notification_jobs rows the round's tasks queued (the fan-out does not run in this process). */
  jobs: number;
  errors: number;
}

let serial = 0;

/** One case arriving: its instance, then its review task (which queues one notification job for the queue's members). */
async function cycle(backend: Backend, key: string, queue: string): Promise<void> {
  const n = serial++;
  const post = (path: string, body: object) => backend.api(path, { method: 'POST', key, body: JSON.stringify(body) });
  const instance = (await (await post('/instances', { processKey: 'bench', entity: { type: 'booking', externalId: `N-${n}`, name: `Booking ${n}` }, data: { seats: n % 20 }, stageKey: 'review' })).json()) as { id: string };
  await (await post('/tasks', { instanceId: instance.id, queue, title: `Review booking ${n}`, decisions: DECISIONS, fields: [], priority: 2, resumeUrl: `${RESUME_ORIGIN}/webhook-waiting/${n}` })).arrayBuffer();
}

/** `workers` cycles in flight for `durationS`; then waits for the ones in flight and counts them and that time. */
export async function round(backend: Backend, db: Database.Database, key: string, variant: Variant, workers: number, durationS: number): Promise<Round> {
  const latencies: number[] = [];
  let errors = 0;
  const before = { cpu: cpuSeconds(backend.pid), jobs: count(db, JOBS) };
  const started = performance.now();
  const stopAt = started + durationS * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < stopAt) {
        const at = performance.now();
        try {
          await cycle(backend, key, variant.queue);
          latencies.push(performance.now() - at);
        } catch (error) {
          if (errors++ === 0) console.error(`${variant.name}: ${String(error)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  if (errors > 0) throw new Error(`${errors} cycles of ${variant.name} failed; the figures would not compare`);
  return { cycles: latencies.length, seconds, latencies, cpuMs: (cpuSeconds(backend.pid) - before.cpu) * 1000, jobs: count(db, JOBS) - before.jobs, errors };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

/** Three significant figures below 100, so a few cycles per second still compare. */
export const rate = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));

export function summary(rounds: Round[]) {
  const cycles = rounds.reduce((sum, r) => sum + r.cycles, 0);
  const latencies = rounds.flatMap((r) => r.latencies);
  return {
    rates: rounds.map((r) => r.cycles / r.seconds),
    median: median(rounds.map((r) => r.cycles / r.seconds)),
    total: cycles / rounds.reduce((sum, r) => sum + r.seconds, 0),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    cpuMs: rounds.reduce((sum, r) => sum + r.cpuMs, 0) / Math.max(1, cycles),
    jobs: rounds.reduce((sum, r) => sum + r.jobs, 0) / Math.max(1, cycles),
    errors: rounds.reduce((sum, r) => sum + r.errors, 0),
  };
}
