import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository';

/** Probes come from every orchestrator and load balancer: one real write per second at most. */
export const READINESS_CACHE_MS = 1_000;
const TIMEOUT_MS = 2_000;

export type Readiness = { status: 'ready' } | { status: 'not ready'; reason: string };

/**
 * Whether this replica can do its work: a real write, committed, so a read-only or damaged SQLite
 * file, a full disk or a PostgreSQL in recovery all answer "not ready" (SELECT 1 passes on all of
 * them). Concurrent probes share one check, and its answer is kept for a second. The cache runs on
 * wall-clock time (performance.now), not the injectable Clock that tests move.
 */
@Injectable()
export class ReadinessCheck {
  private cached: { answer: Readiness; at: number } | undefined;
  private running: Promise<Readiness> | undefined;

  constructor(private readonly repository: HealthRepository) {}

  check(): Promise<Readiness> {
    if (this.cached && performance.now() - this.cached.at < READINESS_CACHE_MS) return Promise.resolve(this.cached.answer);
    this.running ??= this.probe().then((answer) => {
      this.cached = { answer, at: performance.now() };
      this.running = undefined;
      return answer;
    });
    return this.running;
  }

  private async probe(): Promise<Readiness> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the database did not take a write within ${TIMEOUT_MS / 1000} s`)), TIMEOUT_MS);
    });
    try {
      await Promise.race([this.repository.writeProbe(Date.now()), timeout]);
      return { status: 'ready' };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { status: 'not ready', reason: `the database cannot be written: ${reason.slice(0, 300)}` };
    } finally {
      clearTimeout(timer);
    }
  }
}
