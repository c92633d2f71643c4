import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import { EventsService } from '../events/events.service';
import type { Actor } from './actor';
import { backoffMs, THROTTLE_WINDOW_MS, ThrottleKey } from './login-throttle.policy';
import { LoginThrottleRepository } from './login-throttle.repository';

/** Failed attempts have no signed-in actor; the audit trail names the door they knocked on. */
const SIGN_IN: Actor = { type: 'system', id: null, name: 'sign-in', permissions: new Set() };
const PRUNE_EVERY_MS = 60_000;

/** Counters live in the database, so every replica refuses the same guesser (see login-throttle.policy). */
@Injectable()
export class LoginThrottleService {
  private prunedAt = 0;

  constructor(
    private readonly db: Database,
    private readonly repository: LoginThrottleRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /** How long (ms) the caller must wait before these keys may try again; 0 when they may try now. */
  async waitFor(keys: ThrottleKey[]): Promise<number> {
    const now = this.clock.now();
    const rows = await this.db.read(() => this.repository.find(keys.map((k) => k.key)));
    return Math.max(0, ...rows.map((row) => row.blockedUntil - now));
  }

  /**
   * Counts a failure against every key, in one transaction with its audit events: `failedType`
   * (when given) for the attempt, `throttledType` for each key this failure starts blocking.
   */
  async recordFailure(keys: ThrottleKey[], audit: { failedType?: string; throttledType: string; data: Record<string, unknown> }): Promise<void> {
    const now = this.clock.now();
    await this.db.transaction(async () => {
      if (audit.failedType) await this.events.record(SIGN_IN, audit.failedType, {}, audit.data);
      for (const { scope, key } of keys) {
        const row = await this.repository.addFailure(key, now, now - THROTTLE_WINDOW_MS);
        const wait = backoffMs(scope, row.failures);
        if (wait === 0) continue;
        await this.repository.block(key, now + wait);
        await this.events.record(SIGN_IN, audit.throttledType, {}, {
          ...audit.data,
          scope,
          failures: row.failures,
          retryAfterSeconds: Math.ceil(wait / 1000),
        });
      }
      if (now - this.prunedAt > PRUNE_EVERY_MS) {
        this.prunedAt = now;
        await this.repository.prune(now - THROTTLE_WINDOW_MS, now);
      }
    });
  }

  async clear(keys: string[]): Promise<void> {
    await this.db.transaction(() => this.repository.clear(keys));
  }
}
