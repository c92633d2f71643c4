import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { EventTable } from '../database/tables';
import { EventSink, EventsService } from '../events/events.service';
import { EXECUTION_SWEEP_MS, ExecutionSweep } from '../executions/execution-sweep';
import { BreachSweep } from './breach-sweep';
import { LadderSweep } from './ladder-sweep';
import { DigestSweep } from '../notifications/digest-sweep';
import { AbsenceStartSweep } from '../absences/absence-start-sweep';
import { ReminderSweep } from './reminder-sweep';
import { RollupSweep } from '../reports/rollups/rollup-sweep';
import { StallSweep } from './stall-sweep';
import { MAX_SLEEP_MS, TimerSweep } from './timer-sweep';

/** Breaches and ladders are minutes-scale promises: a couple of seconds late is on time. */
export const SLA_SWEEP_MS = 2_000;
/** A stall is measured in hours or days; looking twice a minute is plenty. */
export const STALL_SWEEP_MS = 30_000;
/** Reminders and digests are promised to the minute at best; half a minute late is on time. */
export const NOTIFICATION_SWEEP_MS = 30_000;
/** Reports read cases not rolled up yet from their rows, so a case waiting a minute costs nothing but a row read. */
export const ROLLUP_SWEEP_MS = 60_000;
const TIMER_EVENTS = new Set(['timer.registered', 'timer.rescheduled']);

/**
 * Runs the sweeps while the backend runs (config.schedulerEnabled; tests call the sweeps
 * directly on a manual clock). Every replica runs every sweep: the claims make sure each
 * timer, breach, ladder step and stall is acted on by exactly one of them.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown, EventSink {
  private readonly logger = new Logger('Scheduler');
  private readonly passes = new Map<string, Promise<unknown>>();
  private stopped = true;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly events: EventsService,
    private readonly registry: SchedulerRegistry,
    private readonly timers: TimerSweep,
    private readonly breaches: BreachSweep,
    private readonly ladders: LadderSweep,
    private readonly stalls: StallSweep,
    private readonly reminders: ReminderSweep,
    private readonly digests: DigestSweep,
    private readonly absences: AbsenceStartSweep,
    private readonly executions: ExecutionSweep,
    private readonly rollups: RollupSweep,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.stopped = false;
    this.events.addSink(this);
    this.timers.start();
    // The timer sweep sleeps until the next fire time by itself; this poll is only a safety net.
    this.every('timers', MAX_SLEEP_MS, async () => this.timers.wake());
    this.every('sla', SLA_SWEEP_MS, async () => {
      await this.breaches.run();
      await this.ladders.run();
    });
    this.every('stalls', STALL_SWEEP_MS, () => this.stalls.run());
    this.every('notifications', NOTIFICATION_SWEEP_MS, async () => {
      await this.absences.run();
      await this.reminders.run();
      await this.digests.run();
    });
    this.every('rollups', ROLLUP_SWEEP_MS, () => this.rollups.run());
    // Failed executions are found through n8n's public API, so only where the backend can reach it.
    if (this.executions.enabled) this.every('executions', EXECUTION_SWEEP_MS, () => this.executions.run());
    else this.logger.log('Failed n8n executions are not detected: set N8N_URL and N8N_API_KEY to mark their cases failed.');
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.timers.stop();
    await Promise.all(this.passes.values());
  }

  /** Learns of new and moved timers as their transactions commit, so the timer sweep can wake early for them. */
  async onEvent(event: EventTable): Promise<void> {
    if (!TIMER_EVENTS.has(event.type)) return;
    const fireAt = Date.parse(String(event.data.fireAt));
    if (!Number.isNaN(fireAt)) this.db.afterCommit(() => this.timers.noteFireAt(fireAt));
  }

  /** A pass still running when the next is due is not doubled up. */
  private every(name: string, ms: number, pass: () => Promise<unknown>): void {
    const run = (): void => {
      if (this.stopped || this.passes.has(name)) return;
      const running = pass()
        .catch((error: unknown) => this.logger.error(`${name} sweep failed: ${error instanceof Error ? error.stack : String(error)}`))
        .finally(() => this.passes.delete(name));
      this.passes.set(name, running);
    };
    this.registry.addInterval(`caseflow.${name}`, setInterval(run, ms));
  }
}
