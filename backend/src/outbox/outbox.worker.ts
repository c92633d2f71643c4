import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Database } from '../database/database';
import type { OutboxTable } from '../database/tables';
import { retryDelayMs } from './backoff';
import { Deliverer, DELIVERERS, DeliveryError } from './deliverer';
import { OutboxRepository } from './outbox.repository';
import { OutboxService } from './outbox.service';

const BATCH = 25;
const POLL_MS = 500;
const LEASE_MS = 60_000;

/**
 * Delivers the outbox: right after the transaction that wrote a delivery commits, and then
 * by polling for retries that have come due. Deliveries leave the database's turn while
 * they wait on the network, so a slow receiver never holds up the API.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Outbox');
  private readonly byKind = new Map<string, Deliverer>();
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<number> | undefined;
  private again = false;
  private stopped = true;

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

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.draining;
  }

  private wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
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

  /** Claims and delivers due items until none are left; returns how many it handled. */
  async drain(): Promise<number> {
    let handled = 0;
    for (;;) {
      const now = this.clock.now();
      const claimed = await this.db.transaction(() => this.repository.claimDue(now, now + LEASE_MS, BATCH));
      if (!claimed.length) return handled;
      await Promise.all(claimed.map((item) => this.deliverOne(item)));
      handled += claimed.length;
    }
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
      const result = await deliverer.deliver(item);
      await this.db.transaction(() => this.repository.markDelivered(item.id, attempts, this.clock.now()));
      await this.tell(item, () => this.outbox.notifyDelivered(item));
      if (result?.note) this.logger.log(`${item.kind} ${item.id}: ${result.note}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const permanent = error instanceof DeliveryError && error.permanent;
      const next = permanent || attempts >= item.maxAttempts ? null : this.clock.now() + retryDelayMs(attempts, this.config.outboxRetryBaseMs);
      await this.db.transaction(() => this.repository.markFailed(item.id, attempts, reason, next));
      if (next !== null) return;
      // The reason never holds a resume URL (see resume-target.ts): it names the execution.
      this.logger.warn(`${item.kind} ${item.id} dead after ${attempts} attempt(s): ${reason}`);
      await this.tell(item, () => this.outbox.notifyDeadLettered(item, error));
    }
  }
}
