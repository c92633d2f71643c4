/**
 * The second half of bench/notify-queue.ts: the fan-out that turns the queued notification jobs
 * into one email per person, which runs only where the scheduler does. The backend is started
 * again on the same data, scheduler on, and the queue of jobs is watched (read-only) until it is
 * empty; the backend's CPU over that time is read from /proc.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuSeconds, startBackend } from './support/backend';

const POLL_MS = 250;
const PROGRESS_MS = 15_000;
/**
 * The drain is timed over a window (BENCH_DRAIN_S, default 60 s), not to the end: the rounds queue
 * tens of thousands of jobs (a million emails), and the rate at the start of a backlog is the one
 * to compare. The backend then stops gracefully: a job is fanned out whole or not at all.
 */
const WINDOW_MS = Number(process.env.BENCH_DRAIN_S ?? 60) * 1000;

export interface Drain {
  /** Jobs queued when the rounds ended. */
  jobs: number;
  /** Jobs the fan-out had already done when /health first answered (left out of the rates). */
  doneAtReady: number;
  /** Emails written from the moment /health answered until the last job was gone. */
  emails: number;
  seconds: number;
  cpuMs: number;
  /** Jobs still queued when the window closed. */
  left: number;
  /** Of all the personal emails, how many the outbox worker had delivered to the dev mailbox by then. */
  delivered: number;
  totalEmails: number;
}

export const count = (db: Database.Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;
export const JOBS = 'SELECT COUNT(*) AS n FROM notification_jobs';
const EMAILS = "SELECT COUNT(*) AS n FROM messages WHERE kind = 'admin'";
const DELIVERED = "SELECT COUNT(*) AS n FROM messages WHERE kind = 'admin' AND status = 'sent'";

/** Starts the backend again on the data the rounds left (`jobs` queued), scheduler on, and times the fan-out. */
export async function drain(dataDir: string, jobs: number): Promise<Drain> {
  const backend = await startBackend({ dataDir, scheduler: true });
  const db = new Database(join(dataDir, 'caseflow.sqlite'), { readonly: true });
  try {
    const startCpu = cpuSeconds(backend.pid);
    const started = performance.now();
    const left = count(db, JOBS);
    const emailsAtReady = count(db, EMAILS);
    console.log(`drain: ${jobs} jobs queued, ${left} left when the backend answered`);
    let lastReport = started;
    for (let now = started; count(db, JOBS) > 0 && now - started < WINDOW_MS; now = performance.now()) {
      if (now - lastReport > PROGRESS_MS) {
        lastReport = now;
        console.log(`drain: ${count(db, JOBS)} jobs left after ${((now - started) / 1000).toFixed(0)} s`);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpuMs = (cpuSeconds(backend.pid) - startCpu) * 1000;
    const totalEmails = count(db, EMAILS);
    return { jobs, doneAtReady: jobs - left, emails: totalEmails - emailsAtReady, seconds, cpuMs, left: count(db, JOBS), delivered: count(db, DELIVERED), totalEmails };
  } finally {
    db.close();
    await backend.stop();
  }
}

/** The report's lines for the drain. */
export function describeDrain(d: Drain, members: number): string[] {
  const perSecond = d.emails / d.seconds;
  return [
    `Fan-out (drain): the backend started again on the same data with the scheduler on; from the moment \`/api/v1/health\` answered, \`SELECT COUNT(*) FROM notification_jobs\` polled read-only every ${POLL_MS} ms for ${WINDOW_MS / 1000} s (or until 0), the backend's CPU read from /proc over that time; ${d.left} jobs were still queued when the window closed.`,
    '',
    '| jobs queued | jobs left | emails written | seconds | emails/s | backend CPU ms/email |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${d.jobs} | ${d.left} | ${d.emails} | ${d.seconds.toFixed(1)} | ${perSecond.toFixed(0)} | ${(d.cpuMs / Math.max(1, d.emails)).toFixed(3)} |`,
    '',
    `${d.doneAtReady} of the ${d.jobs} jobs were done before \`/health\` answered (the fan-out starts with the application) and are left out of the rates. ` +
      `The CPU also covers the outbox worker delivering emails to the dev mailbox (no SMTP server) meanwhile: ${d.delivered} of ${d.totalEmails} by the end. ` +
      `At ${perSecond.toFixed(0)} emails/s, the fan-out keeps up with ${(perSecond / members).toFixed(1)} tasks/s into a ${members}-member queue.`,
  ];
}
