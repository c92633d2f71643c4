import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, PageQueryDto, pageOf } from '../common/paging';
import type { FieldError } from '../common/validation';
import { Database } from '../database/database';
import { isUniqueViolation } from '../database/errors';
import { CalendarTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { checkHolidays, checkTimeZone, checkWorkingHours, fieldErrors } from './calendar-rules';
import { CalendarResponse, CreateCalendarDto, toCalendarResponse, UpdateCalendarDto } from './calendars.dto';
import { CalendarsRepository } from './calendars.repository';

/** Seeded by migration; SLAs and timers fall back to it, so it must always exist. */
export const DEFAULT_CALENDAR_KEY = 'default';

@Injectable()
export class CalendarsService {
  constructor(
    private readonly db: Database,
    private readonly repository: CalendarsRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /** For other domains; runs in the caller's transaction or read, so it is not wrapped here. */
  async resolve(idOrKey: string): Promise<CalendarTable> {
    const calendar = await this.repository.findByIdOrKey(idOrKey);
    if (!calendar) throw new NotFoundException(`Calendar "${idOrKey}" does not exist.`);
    return calendar;
  }

  /** For other domains; null when there is no such calendar. Not wrapped, like resolve(). */
  findByKey(key: string): Promise<CalendarTable | null> {
    return this.repository.findByKey(key);
  }

  async list(query: PageQueryDto): Promise<Page<CalendarResponse>> {
    const offset = query.offset ?? 0;
    const [rows, total] = await this.db.read(() => this.repository.list(offset, query.limit ?? 50));
    return pageOf(rows.map(toCalendarResponse), total, query);
  }

  async get(idOrKey: string): Promise<CalendarResponse> {
    return toCalendarResponse(await this.db.read(() => this.resolve(idOrKey)));
  }

  async create(actor: Actor, dto: CreateCalendarDto): Promise<CalendarResponse> {
    const errors: FieldError[] = [];
    checkTimeZone(dto.timeZone, errors);
    const workingHours = checkWorkingHours(dto.workingHours, errors);
    const holidays = checkHolidays(dto.holidays ?? [], errors);
    if (errors.length > 0) throw fieldErrors(errors);
    const now = this.clock.now();
    const row: CalendarTable = {
      id: newId(),
      key: dto.key,
      name: dto.name,
      timeZone: dto.timeZone,
      workingHours,
      holidays,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.db.transaction(async () => {
        if (await this.repository.findByKey(dto.key)) throw duplicate(dto.key);
        await this.repository.insert(row);
        await this.events.record(actor, 'calendar.created', {}, { calendarId: row.id, key: row.key, timeZone: row.timeZone });
      });
    } catch (error) {
      throw isUniqueViolation(error) ? duplicate(dto.key) : error;
    }
    return toCalendarResponse(row);
  }

  async update(actor: Actor, idOrKey: string, dto: UpdateCalendarDto): Promise<CalendarResponse> {
    const errors: FieldError[] = [];
    const changes: Partial<CalendarTable> = {};
    if (dto.name !== undefined) changes.name = dto.name;
    if (dto.timeZone !== undefined) {
      checkTimeZone(dto.timeZone, errors);
      changes.timeZone = dto.timeZone;
    }
    if (dto.workingHours !== undefined) changes.workingHours = checkWorkingHours(dto.workingHours, errors);
    if (dto.holidays !== undefined) changes.holidays = checkHolidays(dto.holidays, errors);
    if (errors.length > 0) throw fieldErrors(errors);
    return this.db.transaction(async () => {
      const calendar = await this.resolve(idOrKey);
      if (Object.keys(changes).length === 0) return toCalendarResponse(calendar);
      const updated: CalendarTable = { ...calendar, ...changes, updatedAt: this.clock.now() };
      await this.repository.update(calendar.id, { ...changes, updatedAt: updated.updatedAt });
      await this.events.record(actor, 'calendar.updated', {}, { calendarId: calendar.id, key: calendar.key, changed: Object.keys(changes) });
      return toCalendarResponse(updated);
    });
  }

  async delete(actor: Actor, idOrKey: string): Promise<void> {
    await this.db.transaction(async () => {
      const calendar = await this.resolve(idOrKey);
      if (calendar.key === DEFAULT_CALENDAR_KEY) {
        throw new ConflictException('The built-in "default" calendar cannot be deleted; edit it instead.');
      }
      const queues = await this.repository.queuesUsing(calendar.key);
      if (queues.length > 0) {
        const keys = queues.map((q) => `"${q.key}"`).join(', ');
        throw new ConflictException(`Calendar "${calendar.key}" is used by queue ${keys}; point those queues at another calendar first.`);
      }
      await this.repository.delete(calendar.id);
      await this.events.record(actor, 'calendar.deleted', {}, { calendarId: calendar.id, key: calendar.key });
    });
  }
}

const duplicate = (key: string): ConflictException => new ConflictException(`A calendar with key "${key}" already exists.`);
