import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import type { TimerTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../outbox/outbox.service';
import { timerResume } from '../timers/timer-resume';
import { SchedulerRepository } from './scheduler.repository';

const BATCH = 100;
/** The longest the sweep sleeps: timers registered on other replicas are seen within this. */
export const MAX_SLEEP_MS = 1_000;
/**
 * After a pass that fired something, the next waits at least this long: under a burst, timers
 * then fire (and their resume calls go out) in batches instead of one transaction per timer,
 * which is what keeps a burst's lateness low. An isolated timer is not delayed by it.
 */
const BURST_GAP_MS = 25;

/**
 * Fires due timers. Between passes it sleeps until the earliest pending fire time (at most
 * MAX_SLEEP_MS), so a timer fires within milliseconds of its time instead of on the next poll.
 */
@Injectable()
export class TimerSweep {
  private readonly logger = new Logger('Timers');
  private sleeper: NodeJS.Timeout | undefined;
  private armedFor = Infinity;
  /** The earliest fire time registered while a pass was running: it may be newer than the pass's read. */
  private hint = Infinity;
  private running = false;
  private pass: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(
    private readonly db: Database,
    private readonly repository: SchedulerRepository,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.stopped = false;
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.sleeper);
    await this.pass;
  }

  /** A timer was registered or moved (after its transaction committed): wake earlier if it is due first. */
  noteFireAt(fireAt: number): void {
    if (this.stopped) return;
    if (this.running) this.hint = Math.min(this.hint, fireAt);
    else if (fireAt < this.armedFor) this.arm(fireAt);
  }

  /** Runs a pass now (or right after the one in progress), then sleeps until the next fire time. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.sleeper);
    this.armedFor = Infinity;
    this.running = true;
    this.hint = Infinity;
    let earliest = 0;
    this.pass = this.fireDue()
      .then((fired) => {
        if (fired > 0) earliest = this.clock.now() + BURST_GAP_MS;
        return this.db.read(() => this.repository.nextTimerFireAt());
      })
      .catch((error: unknown) => {
        this.logger.error(`timer pass failed: ${error instanceof Error ? error.stack : String(error)}`);
        return null;
      })
      .then((next) => {
        this.running = false;
        if (this.stopped) return;
        this.arm(Math.max(earliest, this.again ? this.clock.now() : Math.min(next ?? Infinity, this.hint)));
        this.again = false;
      });
  }

  private arm(at: number): void {
    clearTimeout(this.sleeper);
    const now = this.clock.now();
    this.armedFor = Math.min(at, now + MAX_SLEEP_MS);
    this.sleeper = setTimeout(() => this.wake(), Math.max(this.armedFor - now, 0));
  }

  /** Fires every timer due now, in batches; returns how many this process fired. */
  async fireDue(): Promise<number> {
    let fired = 0;
    for (;;) {
      const now = this.clock.now();
      const batch = await this.db.transaction(async () => {
        const timers = await this.repository.claimDueTimers(now, BATCH);
        const instances = await this.repository.instancesById(timers.flatMap((t) => (t.instanceId ? [t.instanceId] : [])));
        for (const timer of timers) await this.fire(timer, now, instances.get(timer.instanceId ?? '')?.entityId ?? null);
        return timers.length;
      });
      fired += batch;
      if (batch < BATCH) return fired;
    }
  }

  /** The event and the resume call are written with the claim: a fired timer always resumes its execution. */
  private async fire(timer: TimerTable, firedAt: number, entityId: string | null): Promise<void> {
    await this.events.record(SYSTEM_ACTOR, 'timer.fired', { instanceId: timer.instanceId, entityId }, {
      timerId: timer.id,
      label: timer.label,
      fireAt: iso(timer.fireAt),
      firedAt: iso(firedAt),
      lateMs: firedAt - timer.fireAt,
    });
    if (!timer.resumeUrl) return;
    await this.outbox.enqueue(timerResume(timer, firedAt, false));
  }
}
