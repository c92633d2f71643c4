import { Injectable } from '@nestjs/common';
import { In, LessThanOrEqual, MoreThan } from 'typeorm';
import { Database } from '../database/database';
import { AbsenceTable } from '../database/tables';

/** A delegate covering someone away for more steps than this is a loop or a mistake; the chain stops there. */
const MAX_STEPS = 5;

/**
 * Who stands in for whom right now. A delegate who is away too is covered by their own delegate,
 * so work never lands on an empty desk, and a chain that comes back to someone already on it stops
 * at the last person who is in.
 */
@Injectable()
export class AbsenceCover {
  constructor(private readonly db: Database) {}

  /** Call inside a unit of work: each user among `userIds` who is away at `now`, mapped to who covers them. */
  async coverOf(userIds: string[], now: number): Promise<Map<string, string>> {
    const cover = new Map<string, string>();
    let away = await this.awayAmong([...new Set(userIds)], now);
    for (const userId of away.keys()) {
      const path = new Set([userId]);
      let delegate = away.get(userId)!;
      for (let step = 1; step < MAX_STEPS && !path.has(delegate); step++) {
        if (!away.has(delegate)) away = new Map([...away, ...(await this.awayAmong([delegate], now))]);
        const next = away.get(delegate);
        if (!next || path.has(next)) break;
        path.add(delegate);
        delegate = next;
      }
      if (delegate !== userId) cover.set(userId, delegate);
    }
    return cover;
  }

  /** Call inside a unit of work. */
  async coverFor(userId: string, now: number): Promise<string | null> {
    return (await this.coverOf([userId], now)).get(userId) ?? null;
  }

  private async awayAmong(userIds: string[], now: number): Promise<Map<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db.manager.findBy(AbsenceTable, { userId: In(userIds), fromAt: LessThanOrEqual(now), untilAt: MoreThan(now) });
    return new Map(rows.map((row) => [row.userId, row.delegateId]));
  }
}
