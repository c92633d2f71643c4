import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { OutboxTable } from '../database/tables';
import { retryDelayMs } from './backoff';
import { Deliverer, DELIVERERS, DeliveryError } from './deliverer';
import { DeliveryLanes } from './delivery-lanes';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

const BATCH = 25;
const POLL_MS = 500;
const LEASE_MS = 60_000;

/**
 * Delivers the outbox: right after the transaction that wrote a delivery commits, and then
 * by polling for retries that have come due. Deliveries leave the database's turn while
 * they wait on the network, so a slow receiver never holds up the API. Each target has its own
 * lane of a few slots (delivery-lanes.ts): a receiver that never answers fills only its lane,
 * while every other target's deliveries are claimed and sent as soon as they are due.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly byKind = new Map<string, Deliverer>();
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<number> | undefined;
  private again = false;
  private stopped = true;
  private closing = false;
  private readonly lanes = new DeliveryLanes();
  /** Cuts deliveries short at shutdown; they count as failed attempts and are retried (by any replica). */
  private readonly shutdown = new AbortController();
  /** Wakes a drain that waits for a free slot when new deliveries are due. */
  private readonly waiting = new Set<() => void>();
  /** Counts pokes, so one that came while a drain was claiming is not missed. */
  private pokes = 0;

  constructor(
    private readonly db: Database,
    private readonly repository: OutboxRepository,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DELIVERERS) deliverers: Deliverer[],
  ) {
    for (const deliverer of deliverers) for (const kind of deliverer.kinds) this.byKind.set(kind, deliverer);
  }

  onApplicationBootstrap(): void {
    if (!this.config.schedulerEnabled) return;
    this.stopped = false;
    this.outbox.onEnqueued(() => this.wake());
    this.wake();
  }

  /** Before the database closes (TypeORM closes it in its own shutdown hook), so outcomes can still be recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    this.poke();
    this.shutdown.abort(new Error('the backend is shutting down'));
    clearTimeout(this.timer);
    await this.draining;
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      this.poke();
      return;
    }
    clearTimeout(this.timer);
    this.draining = this.drain()
      .catch((error: unknown) => {
        this.logger.error(`outbox pass failed: ${error instanceof Error ? error.stack : String(error)}`);
        return 0;
      })
      .finally(() => {
        this.draining = undefined;
        const more = this.again;
        this.again = false;
        if (!this.stopped) this.timer = setTimeout(() => this.wake(), more ? 0 : POLL_MS);
      });
  }

  /**
   * Claims and delivers due items until none are left and its deliveries have ended; returns how
   * many it handled. Claims skip full lanes and lease only what fits the free slots; an item that
   * still finds its lane full (it cannot, as nothing else starts deliveries) would be handed back. While deliveries are in flight it claims again whenever one ends or new
   * deliveries are enqueued, so nothing due waits behind a slow receiver.
   */
  async drain(): Promise<number> {
    let handled = 0;
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const pokes = this.pokes;
      const room = this.closing ? 0 : this.lanes.room();
      if (room > 0) {
        const now = this.clock.now();
        const exclude = this.lanes.exclusions();
        const claimed = await this.db.transaction(() =>
          this.repository.claimDue(now, now + LEASE_MS, BATCH, exclude, (due) => this.lanes.fit(due)),
        );
        const full: string[] = [];
        for (const item of claimed) {
          const lane = this.lanes.tryStart(item);
          if (lane === null) {
            full.push(item.id);
            continue;
          }
          handled++;
          // Never rejects: a delivery whose outcome could not be recorded keeps its lease and is claimed again once it runs out.
          const delivery: Promise<void> = this.deliverOne(item).catch((error: unknown) => {
            this.logger.error(`${item.kind} ${item.id}: recording the outcome failed: ${error instanceof Error ? error.stack : String(error)}`);
          }).finally(() => {
            this.lanes.finish(lane);
            inFlight.delete(delivery);
          });
          inFlight.add(delivery);
        }
        if (full.length) await this.db.transaction(() => this.repository.release(full));
        // More may be due; a lane that filled up is skipped by the next claim.
        if (claimed.length) continue;
      }
      if (!inFlight.size) return handled;
      if (pokes !== this.pokes && !this.closing) continue;
      let wake: () => void = () => undefined;
      const poked = new Promise<void>((resolve) => this.waiting.add((wake = resolve)));
      await Promise.race([...inFlight, poked]);
      this.waiting.delete(wake);
    }
  }

  private poke(): void {
    this.pokes++;
    for (const wake of this.waiting) wake();
    this.waiting.clear();
  }

  /**
   * Observers act in a transaction of their own, after the outcome is recorded: their trouble must
   * never turn a delivered call into one that is sent again.
   */
  private async tell(item: OutboxTable, notify: () => Promise<void>): Promise<void> {
    if (!this.outbox.isObserved(item.kind)) return;
    try {
      await this.db.transaction(notify);
    } catch (error) {
      this.logger.error(`${item.kind} ${item.id}: recording its outcome failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  private async deliverOne(item: OutboxTable): Promise<void> {
    const attempts = item.attempts + 1;
    const deliverer = this.byKind.get(item.kind);
    try {
      if (!deliverer) throw new DeliveryError(`nothing delivers "${item.kind}" items`, true);
      const result = await deliverer.deliver(item, this.shutdown.signal);
      await this.db.transaction(() => this.repository.markDelivered(item.id, attempts, this.clock.now()));
      await this.tell(item, () => this.outbox.notifyDelivered(item, result ?? undefined));
      if (result?.note) this.logger.log(`${item.kind} ${item.id}: ${result.note}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof DeliveryError && error.permanent;
      const base = (error instanceof DeliveryError && error.retryBaseMs) || this.config.outboxRetryBaseMs;
      const next = permanent || attempts >= item.maxAttempts ? null : this.clock.now() + retryDelayMs(attempts, base);
      await this.db.transaction(() => this.repository.markFailed(item.id, attempts, reason, next));
      if (next !== null) return;
      // The reason never holds a resume URL (see resume-target.ts): it names the execution.
      this.logger.warn(`${item.kind} ${item.id} dead after ${attempts} attempt(s): ${reason}`);
      await this.tell(item, () => this.outbox.notifyDeadLettered(item, error));
    }
  }
}
