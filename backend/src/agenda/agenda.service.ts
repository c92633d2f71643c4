import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { Database } from '../database/database';
import type { UserTable } from '../database/tables';
import { fromLocal, toLocal } from '../timers/zoned-time';
import { AgendaEntry, agendaEntries, isOverdue } from './agenda-items';
import { AgendaQueryDto, AgendaResponse, toAgendaItemResponse } from './agenda.dto';
import { AgendaRepository } from './agenda.repository';

const DEFAULT_DAYS = 14;

/**
 * Everything that is someone's, across every process: the tasks they hold and their own
 * follow-ups, to-dos and events. Days are the user's days, in their time zone, so a follow-up at
 * 00:30 in London is under its London date whatever the server's zone.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly db: Database,
    private readonly repository: AgendaRepository,
    private readonly clock: Clock,
  ) {}

  async agenda(actor: Actor, query: AgendaQueryDto): Promise<AgendaResponse> {
    const userId = signedInUser(actor);
    return this.db.read(async () => {
      const user = await this.loadUser(userId);
      const timeZone = user.timeZone ?? 'UTC';
      const now = this.clock.now();
      const from = query.from ?? localDate(now, timeZone);
      const days = query.days ?? DEFAULT_DAYS;
      const startMs = startOfDay(from, 0, timeZone);
      const endMs = startOfDay(from, days, timeZone);
      const entries = await this.entriesOf(userId);
      const byDay = new Map<string, AgendaEntry[]>();
      for (const entry of entries) {
        if (entry.at === null || isOverdue(entry, now) || entry.at < startMs || entry.at >= endMs) continue;
        const date = localDate(entry.at, timeZone);
        byDay.set(date, [...(byDay.get(date) ?? []), entry]);
      }
      return {
        timeZone,
        from,
        to: localDate(endMs - 1, timeZone),
        overdue: entries.filter((entry) => isOverdue(entry, now)).map((entry) => toAgendaItemResponse(entry, now)),
        days: [...byDay.entries()].map(([date, items]) => ({ date, items: items.map((entry) => toAgendaItemResponse(entry, now)) })),
        undated: entries.filter((entry) => entry.at === null).map((entry) => toAgendaItemResponse(entry, now)),
      };
    });
  }

  /** Call inside a unit of work: a user's open tasks and activities, by time (undated last). */
  async entriesOf(userId: string): Promise<AgendaEntry[]> {
    const tasks = await this.repository.openTasksOf(userId);
    const activities = await this.repository.openActivitiesOf(userId);
    const cases = await this.repository.cases([...tasks, ...activities].map((row) => row.instanceId));
    return agendaEntries(tasks, activities, cases);
  }

  private async loadUser(userId: string): Promise<UserTable> {
    const user = await this.repository.findUser(userId);
    if (!user) throw new NotFoundException(`There is no user ${userId}.`);
    return user;
  }
}

export function signedInUser(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id) throw new ForbiddenException('An agenda belongs to a signed-in user; an API key has none.');
  return actor.id;
}

const pad = (value: number): string => String(value).padStart(2, '0');

function localDate(epochMs: number, timeZone: string): string {
  const local = toLocal(epochMs, timeZone);
  return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
}

/** Midnight, local time, `offsetDays` after the date `date`. */
function startOfDay(date: string, offsetDays: number, timeZone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const shifted = new Date(Date.UTC(year, month - 1, day + offsetDays));
  return fromLocal(
    { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate(), hour: 0, minute: 0, second: 0, millisecond: 0 },
    timeZone,
  );
}
