import { Injectable } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import { Database } from '../database/database';
import { LoginThrottleTable } from '../database/tables';

@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly db: Database) {}

  find(keys: string[]): Promise<LoginThrottleTable[]> {
    return this.db.manager.findBy(LoginThrottleTable, { key: In(keys) });
  }

  /**
   * Counts one failure and answers the row as it now stands. Raw SQL because the increment must
   * be one atomic upsert: replicas failing the same key at once must not lose counts, and the first
   * failure of a key must not race another replica's insert.
   */
  async addFailure(key: string, now: number, windowStart: number): Promise<LoginThrottleTable> {
    const rows = await this.query<{ failures: number | string; window_start: number | string; blocked_until: number | string }>(
      `INSERT INTO "login_throttles" ("key", "failures", "window_start", "blocked_until", "updated_at")
       VALUES ($1, 1, $2, 0, $2)
       ON CONFLICT ("key") DO UPDATE SET
         "failures" = CASE WHEN "login_throttles"."window_start" <= $3 THEN 1 ELSE "login_throttles"."failures" + 1 END,
         "window_start" = CASE WHEN "login_throttles"."window_start" <= $3 THEN $2 ELSE "login_throttles"."window_start" END,
         "updated_at" = $2
       RETURNING "failures", "window_start", "blocked_until"`,
      [key, now, windowStart],
    );
    const row = rows[0]!;
    return {
      key,
      failures: Number(row.failures),
      windowStart: Number(row.window_start),
      blockedUntil: Number(row.blocked_until),
      updatedAt: now,
    };
  }

  async block(key: string, until: number): Promise<void> {
    await this.db.manager.update(LoginThrottleTable, { key }, { blockedUntil: until });
  }

  async clear(keys: string[]): Promise<void> {
    await this.db.manager.delete(LoginThrottleTable, { key: In(keys) });
  }

  /** Rows whose window and block are both over say nothing any more. */
  async prune(before: number, now: number): Promise<void> {
    await this.db.manager.delete(LoginThrottleTable, { updatedAt: LessThan(before), blockedUntil: LessThan(now) });
  }

  /** `$n` placeholders for PostgreSQL; SQLite (better-sqlite3) binds `?` by position. */
  private query<T>(sql: string, values: unknown[]): Promise<T[]> {
    if (this.db.isPostgres) return this.db.manager.query(sql, values);
    const bound: unknown[] = [];
    const text = sql.replace(/\$(\d+)/g, (_, n: string) => {
      bound.push(values[Number(n) - 1]);
      return '?';
    });
    return this.db.manager.query(text, bound);
  }
}
