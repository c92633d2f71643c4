/**
 * Timer lateness: how long after its due time a timer's resume call reaches n8n.
 *
 * Starts the built backend (scheduler on) as its own process and registers 10,000 timers through the
 * API: 9,000 due tomorrow, which stay pending throughout, and 1,000 measured ones due evenly over
 * a minute that starts once all 10,000 are pending. Every resume call is received on a loopback
 * HTTP server. Lateness = arrival of the resume call minus the timer's fire time; the scheduler's
 * own share (firedAt − fireAt) is reported too.
 *
 *   npm run bench -- timer-lateness                    (embedded SQLite)
 *   npm run bench -- timers-at-scale                   (the same with 100,000 pending and 10,000 due in a minute)
 *   BENCH_DATABASE_URL=postgres://… npm run bench -- timer-lateness
 *
 * Writes the figures, the machine and the date into docs/BENCHMARKS.md (section "Timer lateness", or
 * "Timers at scale" with --scale).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, writeSection } from './report';
import { createApiKey, signIn, startBackend } from './support/backend';

/** `--scale` (npm run bench -- timers-at-scale): 100,000 pending, a burst of 10,000 due within one minute. */
const SCALE = process.argv.includes('--scale');
const PENDING = Number(process.env.BENCH_PENDING ?? (SCALE ? 100_000 : 10_000));
const TIMERS = Number(process.env.BENCH_TIMERS ?? (SCALE ? 10_000 : 1_000));
const WINDOW_MS = Number(process.env.BENCH_WINDOW_S ?? 60) * 1000;
/** Time to register the measured timers before the first is due: 10,000 through the API take about half a minute. */
const LEAD_MS = Number(process.env.BENCH_LEAD_S ?? (SCALE ? 90 : 20)) * 1000;
const SECTION = SCALE ? 'Timers at scale' : 'Timer lateness';
const DAY_MS = 86_400_000;
const CONCURRENCY = 32;

interface Arrival {
  at: number;
  fireAt: number;
  firedAt: number;
}

async function startReceiver(arrivals: Map<string, Arrival>): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const at = Date.now();
      const payload = JSON.parse(body) as { timerId: string; fireAt: string; firedAt: string };
      if (!arrivals.has(payload.timerId)) arrivals.set(payload.timerId, { at, fireAt: Date.parse(payload.fireAt), firedAt: Date.parse(payload.firedAt) });
      response.end('{}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'caseflow-timer-bench-'));
  const arrivals = new Map<string, Arrival>();
  const receiver = await startReceiver(arrivals);
  const backend = await startBackend({
    dataDir,
    scheduler: true,
    env: {
      CASEFLOW_ALLOWED_RESUME_ORIGINS: receiver.url,
      ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {}),
    },
  });
  try {
    const key = await createApiKey(backend, await signIn(backend), ['automation']);

    const register = async (count: number, fireAt: (i: number) => number, resumeUrl: (i: number) => string) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          for (let i = next++; i < count; i = next++) {
            const body = { anchorAt: new Date(fireAt(i)).toISOString(), offset: { amount: 0, unit: 'minutes' }, resumeUrl: resumeUrl(i) };
            await backend.api('/timers', { method: 'POST', key, body: JSON.stringify(body) });
          }
        }),
      );
    };
    const registerStart = Date.now();
    await register(PENDING - TIMERS, (i) => registerStart + DAY_MS + i, (i) => `${receiver.url}/later/${i}`);
    const firstFire = Date.now() + LEAD_MS;
    await register(TIMERS, (i) => firstFire + Math.floor((i * WINDOW_MS) / TIMERS), (i) => `${receiver.url}/resume/${i}`);
    const registered = Date.now();
    console.log(`registered ${PENDING} timers in ${((registered - registerStart) / 1000).toFixed(1)} s`);
    if (registered > firstFire) throw new Error(`registering the measured timers outlasted the ${LEAD_MS / 1000} s lead`);

    const deadline = firstFire + WINDOW_MS + 60_000;
    while (arrivals.size < TIMERS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    if (arrivals.size < TIMERS) throw new Error(`only ${arrivals.size} of ${TIMERS} resume calls arrived`);

    const toCaller = [...arrivals.values()].map((a) => a.at - a.fireAt).sort((a, b) => a - b);
    const inScheduler = [...arrivals.values()].map((a) => a.firedAt - a.fireAt).sort((a, b) => a - b);
    const row = (name: string, values: number[]) =>
      `| ${name} | ${percentile(values, 50)} | ${percentile(values, 90)} | ${percentile(values, 99)} | ${values[values.length - 1]} |`;
    const database = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded SQLite';
    const body = [
      `${new Date().toISOString().slice(0, 10)}, ${machine()}, ${database}, one built backend process (\`node backend/dist/main.js\`), scheduler on, real clock.`,
      '',
      `${PENDING.toLocaleString('en')} timers pending, registered through \`POST /timers\`; ${TIMERS.toLocaleString('en')} of them due evenly over ${WINDOW_MS / 1000} s, the rest tomorrow. Each resume call is received by a loopback HTTP server. Target: p99 under 1 s.`,
      '',
      '| lateness (ms) | p50 | p90 | p99 | max |',
      '| --- | ---: | ---: | ---: | ---: |',
      row('due → resume call received', toCaller),
      row('due → fired (scheduler only)', inScheduler),
      '',
      `Registering the ${PENDING.toLocaleString('en')} timers took ${((registered - registerStart) / 1000).toFixed(1)} s. The machine's load average during the run was ${loadavg()[0]!.toFixed(1)} (other work shares it).`,
    ].join('\n');
    writeSection(SECTION, body);
    console.log(body);
  } finally {
    await backend.stop();
    receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
