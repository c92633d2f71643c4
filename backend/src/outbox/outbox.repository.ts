import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../database/database';
import { OutboxStatus, OutboxTable } from '../database/tables';
import type { LaneExclusions } from './delivery-lanes';

const NO_EXCLUSIONS: LaneExclusions = { origins: [], kinds: [] };

/** What a claim looks at before it leases: enough to tell a delivery's lane. */
export type DueDelivery = Pick<OutboxTable, 'id' | 'kind' | 'target'>;

@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  /**
   * Claims due deliveries for this process by leasing them until `leaseUntil`: first a read of the
   * next `limit` due ones outside the full lanes (`exclude`, delivery-lanes.ts), then `fit` keeps
   * those this process has room for, and only those are leased. Leasing only what can start at once
   * matters with a backlog: claiming a whole batch for a lane with one free slot and handing the
   * rest back rewrote rows for nothing, and on PostgreSQL the dead row versions slowed every later
   * claim (10,000 resumes waiting for one n8n: seconds per claim).
   */
  async claimDue(
    now: number,
    leaseUntil: number,
    limit: number,
    exclude: LaneExclusions = NO_EXCLUSIONS,
    fit: (due: DueDelivery[]) => DueDelivery[] = (due) => due,
  ): Promise<OutboxTable[]> {
    const wanted = fit(await this.peekDue(now, limit, exclude)).map((row) => row.id);
    return wanted.length ? this.lease(wanted, now, leaseUntil) : [];
  }

  private async peekDue(now: number, limit: number, exclude: LaneExclusions): Promise<DueDelivery[]> {
    const skip = excluding(exclude, (i) => `:skip${i}`);
    return this.db.manager
      .createQueryBuilder(OutboxTable, 'o')
      .select(['o.id', 'o.kind', 'o.target'])
      .where("o.status = 'pending' AND o.next_attempt_at <= :now", { now })
      .andWhere(`(o.locked_until IS NULL OR o.locked_until < :now)${skip.sql}`, { now, ...Object.fromEntries(skip.values.map((v, i) => [`skip${i}`, v])) })
      .orderBy('o.next_attempt_at', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Leases those of `ids` still free. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several replicas
   * claim side by side without ever claiming the same row (one another replica took since the read
   * is simply not returned); a crashed replica's lease runs out. Raw SQL because TypeORM's query
   * builder cannot express UPDATE … WHERE id IN (SELECT … SKIP LOCKED). SQLite has one writer, so
   * the read and the update in one transaction cannot race.
   */
  private async lease(ids: string[], now: number, leaseUntil: number): Promise<OutboxTable[]> {
    if (this.db.isPostgres) {
      // pg answers an UPDATE … RETURNING through TypeORM as [rows, rowCount].
      const [rows] = (await this.db.manager.query(
        `UPDATE outbox SET locked_until = $2
          WHERE id IN (SELECT id FROM outbox
                        WHERE id = ANY($3) AND status = 'pending'
                          AND (locked_until IS NULL OR locked_until < $1)
                        FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [now, leaseUntil, ids],
      )) as [Array<{ id: string }>, number];
      return rows.length ? this.sorted(await this.db.manager.findBy(OutboxTable, { id: In(rows.map((r) => r.id)) })) : [];
    }
    const free = await this.db.manager
      .createQueryBuilder(OutboxTable, 'o')
      .where('o.id IN (:...ids)', { ids })
      .andWhere("o.status = 'pending' AND (o.locked_until IS NULL OR o.locked_until < :now)", { now })
      .getMany();
    if (free.length) await this.db.manager.update(OutboxTable, { id: In(free.map((d) => d.id)) }, { lockedUntil: leaseUntil });
    return this.sorted(free.map((row) => ({ ...row, lockedUntil: leaseUntil })));
  }

  /** Oldest due first, as they were read. */
  private sorted(rows: OutboxTable[]): OutboxTable[] {
    return rows.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || (a.id < b.id ? -1 : 1));
  }

  /** Hands claimed deliveries back at once (their lane filled up), for the next claim to take. */
  async release(ids: string[]): Promise<void> {
    await this.db.manager.update(OutboxTable, { id: In(ids) }, { lockedUntil: null });
  }

  async markDelivered(id: string, attempts: number, now: number): Promise<void> {
    await this.db.manager.update(OutboxTable, { id }, { status: 'delivered', attempts, deliveredAt: now, lockedUntil: null, lastError: null });
  }

  async markFailed(id: string, attempts: number, error: string, nextAttemptAt: number | null): Promise<void> {
    const status: OutboxStatus = nextAttemptAt === null ? 'dead' : 'pending';
    await this.db.manager.update(OutboxTable, { id }, {
      status,
      attempts,
      lastError: error.slice(0, 2000),
      nextAttemptAt: nextAttemptAt ?? undefined,
      lockedUntil: null,
    });
  }

  find(id: string): Promise<OutboxTable | null> {
    return this.db.manager.findOneBy(OutboxTable, { id });
  }

  async list(status: OutboxStatus | undefined, limit: number, offset: number): Promise<[OutboxTable[], number]> {
    return this.db.manager.findAndCount(OutboxTable, {
      where: status ? { status } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
  }

  async requeue(id: string, now: number): Promise<boolean> {
    const result = await this.db.manager.update(OutboxTable, { id, status: 'dead' }, {
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lockedUntil: null,
    });
    return (result.affected ?? 0) === 1;
  }
}

/**
 * SQL skipping full lanes, the same on both databases: a target belongs to a lane when it starts with
 * the lane's raw origin followed by the end, `/`, `?` or `#` (see `rawOrigin`). Only lengths are
 * written into the text; every origin is a bound parameter.
 */
function excluding(exclude: LaneExclusions, placeholder: (index: number) => string): { sql: string; values: string[] } {
  const values: string[] = [];
  const param = (value: string): string => placeholder(values.push(value) - 1);
  const parts = exclude.origins.map((origin) => {
    const p = param(origin);
    const n = origin.length;
    return `(target IS NULL OR substr(target, 1, ${n}) <> ${p} OR (length(target) > ${n} AND substr(target, ${n + 1}, 1) NOT IN ('/', '?', '#')))`;
  });
  if (exclude.kinds.length) parts.push(`(target IS NOT NULL OR kind NOT IN (${exclude.kinds.map(param).join(', ')}))`);
  return { sql: parts.map((part) => ` AND ${part}`).join(''), values };
}
