import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { Actor, SYSTEM_ACTOR } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Page, pageOf } from '../common/paging';
import { Database } from '../database/database';
import { CalendarTable, EntityTable, InstanceTable, TimerTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { OutboundPolicy } from '../outbox/outbound-policy';
import { OutboxService } from '../outbox/outbox.service';
import { WaitsService } from '../waits/waits.service';
import { registeredBefore } from '../waits/request-key';
import { anchorPathError, readAnchor } from './anchor';
import { BusinessDays, computeFireAt, parseAnchor } from './fire-time';
import { CreateTimerDto, ListTimersQueryDto, TimerResponse, toTimerResponse } from './timers.dto';
import { timerResume } from './timer-resume';
import { TimersRepository } from './timers.repository';

/** A failed case is not closed (it needs attention, and may be retried): it can still wait. */
const CLOSED = new Set(['completed', 'cancelled']);

@Injectable()
export class TimersService {
  constructor(
    private readonly db: Database,
    private readonly repository: TimersRepository,
    private readonly events: EventsService,
    private readonly waits: WaitsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly outbound: OutboundPolicy,
    private readonly scope: CaseScopeService,
  ) {}

  async create(actor: Actor, dto: CreateTimerDto): Promise<TimerResponse> {
    if (Boolean(dto.anchorField) === Boolean(dto.anchorAt)) throw fieldError('anchorField', 'give either anchorField or anchorAt');
    if (dto.anchorField && !dto.instanceId) {
      throw fieldError('instanceId', 'is required with anchorField: the field is read from the instance');
    }
    const pathError = dto.anchorField ? anchorPathError(dto.anchorField) : null;
    if (pathError) throw fieldError('anchorField', pathError);
    this.outbound.assertResumeUrl('resumeUrl', dto.resumeUrl);

    const timer = await this.db.transaction(async () => {
      const earlier = dto.requestKey ? await this.repository.findByRequestKey(dto.requestKey) : null;
      if (earlier) return registeredBefore(earlier, dto.instanceId, 'timer');
      const instance = dto.instanceId ? await this.loadInstance(dto.instanceId) : null;
      const entity = instance ? await this.repository.findEntity(instance.entityId) : null;
      // Business days without a calendar count on the process's calendar, if it has one.
      const processCalendar = dto.offset.unit === 'businessDays' && instance && !dto.calendarKey;
      const calendarKey = dto.calendarKey ?? (processCalendar ? await this.repository.findProcessCalendarKey(instance.processId) : null);
      const calendar = calendarKey ? await this.repository.findCalendar(calendarKey) : null;
      if (dto.calendarKey && !calendar) throw fieldError('calendarKey', `there is no calendar "${dto.calendarKey}"`);
      const zone = dto.timeZone ?? calendar?.timeZone ?? 'UTC';
      const anchorAt = dto.anchorField
        ? this.anchorFromField(dto.anchorField, instance!, entity, zone)
        : parseAnchor(dto.anchorAt, zone);
      if (anchorAt === null) throw fieldError('anchorAt', 'must be an ISO date or date-time');

      const now = this.clock.now();
      const fireAt = computeFireAt({
        anchorAt,
        offset: dto.offset,
        timeOfDay: dto.timeOfDay,
        timeZone: dto.timeZone,
        calendar: businessDays(calendar),
      });
      const past = fireAt < now;
      // A short wait stays in the caller's process: the timer still shows and fires, but resumes nobody.
      const inProcess = !past && dto.inProcessBelowMs !== undefined && fireAt - now < dto.inProcessBelowMs;
      const row: TimerTable = {
        id: newId(),
        instanceId: instance?.id ?? null,
        anchorField: dto.anchorField ?? null,
        anchorAt,
        offset: { amount: dto.offset.amount, unit: dto.offset.unit },
        timeOfDay: dto.timeOfDay ?? null,
        timeZone: dto.timeZone ?? null,
        calendarKey: calendar?.key ?? null,
        fireAt,
        status: past ? 'past' : 'pending',
        resumeUrl: inProcess ? null : (dto.resumeUrl ?? null),
        label: dto.label ?? '',
        createdAt: now,
        firedAt: past ? now : null,
        movedAt: null,
        resumedAt: null,
        requestKey: dto.requestKey ?? null,
      };
      if (dto.resumeUrl) await this.waits.supersede(actor, dto.resumeUrl);
      await this.repository.insert(row);
      await this.events.record(actor, 'timer.registered', { instanceId: row.instanceId, entityId: entity?.id ?? null }, {
        timerId: row.id,
        anchorField: row.anchorField,
        anchorAt: new Date(row.anchorAt).toISOString(),
        offset: row.offset,
        fireAt: new Date(row.fireAt).toISOString(),
        label: row.label,
      });
      if (past) {
        await this.recordPast(actor, row, entity?.id ?? null, 'its time had passed when it was registered');
        if (row.resumeUrl && (dto.ifPast ?? 'resume') === 'resume') await this.outbox.enqueue(timerResume(row, now, true));
      }
      return row;
    });
    return toTimerResponse(timer, this.clock.now());
  }

  async get(actor: Actor, id: string): Promise<TimerResponse> {
    const row = await this.db.read(async () => {
      const found = await this.repository.findById(id);
      if (found) await this.scope.assertVisible(actor, found.instanceId);
      return found;
    });
    if (!row) throw new NotFoundException(`There is no timer ${id}.`);
    return toTimerResponse(row, this.clock.now());
  }

  async list(actor: Actor, query: ListTimersQueryDto): Promise<Page<TimerResponse>> {
    const [rows, total] = await this.db.read(async () => {
      const inScope = this.scope.findOperator(await this.scope.of(actor));
      if (query.instanceId && inScope) await this.scope.assertVisible(actor, query.instanceId);
      const instanceId = query.instanceId ?? inScope;
      return this.repository.list({ instanceId, status: query.status }, query.limit ?? 50, query.offset ?? 0);
    });
    const now = this.clock.now();
    return pageOf(rows.map((row) => toTimerResponse(row, now)), total, query);
  }

  async cancel(actor: Actor, id: string): Promise<TimerResponse> {
    const row = await this.db.transaction(async () => {
      const timer = await this.repository.findById(id);
      if (!timer) throw new NotFoundException(`There is no timer ${id}.`);
      if (!(await this.repository.cancel(id))) {
        const current = (await this.repository.findById(id))?.status ?? timer.status;
        throw new ConflictException(`The timer is already ${current}.`);
      }
      await this.recordCancelled(actor, timer, 'cancelled');
      return { ...timer, status: 'cancelled' as const };
    });
    return toTimerResponse(row, this.clock.now());
  }

  /** Cancels the instance's pending timers when it closes. Joins the caller's transaction. */
  async cancelForInstance(instanceId: string, actor: Actor = SYSTEM_ACTOR): Promise<number> {
    return this.db.transaction(async () => {
      let cancelled = 0;
      for (const timer of await this.repository.listPending(instanceId)) {
        if (!(await this.repository.cancel(timer.id))) continue;
        await this.recordCancelled(actor, timer, 'instance closed');
        cancelled++;
      }
      return cancelled;
    });
  }

  /**
   * Moves pending timers whose anchor field changed (a course start moved, an invoice due date
   * was extended). A field that no longer reads as a date leaves its timer where it was.
   * Joins the caller's transaction.
   */
  /** After an entity changed: moves the timers of its cases that are anchored on a field. */
  async recomputeForEntity(entityId: string, actor: Actor = SYSTEM_ACTOR): Promise<number> {
    let moved = 0;
    for (const instanceId of await this.repository.instancesWithAnchoredTimers(entityId)) {
      moved += await this.recomputeForInstance(instanceId, actor);
    }
    return moved;
  }

  async recomputeForInstance(instanceId: string, actor: Actor = SYSTEM_ACTOR): Promise<number> {
    return this.db.transaction(async () => {
      const timers = await this.repository.listPending(instanceId, true);
      if (timers.length === 0) return 0;
      const instance = await this.repository.findInstance(instanceId);
      if (!instance) return 0;
      const entity = await this.repository.findEntity(instance.entityId);
      let moved = 0;
      for (const timer of timers) {
        const calendar = timer.calendarKey ? await this.repository.findCalendar(timer.calendarKey) : null;
        const zone = timer.timeZone ?? calendar?.timeZone ?? 'UTC';
        const anchorAt = parseAnchor(readAnchor(timer.anchorField!, instance, entity), zone);
        if (anchorAt === null || anchorAt === timer.anchorAt) continue;
        const fireAt = computeFireAt({ ...timer, anchorAt, calendar: businessDays(calendar) });
        const now = this.clock.now();
        // Moved into the past: the same as a time already past at registration (Relative Delay's "If Already Past").
        const past = fireAt < now;
        if (!(await this.repository.reschedule(timer.id, { anchorAt, fireAt, movedAt: now, ...(past ? { status: 'past', firedAt: now } : {}) }))) continue;
        await this.events.record(actor, 'timer.rescheduled', { instanceId, entityId: instance.entityId }, {
          timerId: timer.id,
          anchorField: timer.anchorField,
          anchorAt: new Date(anchorAt).toISOString(),
          fireAt: new Date(fireAt).toISOString(),
          previousFireAt: new Date(timer.fireAt).toISOString(),
        });
        if (past) {
          const row = { ...timer, anchorAt, fireAt };
          await this.recordPast(actor, row, instance.entityId, 'its anchor moved into the past');
          if (timer.resumeUrl) await this.outbox.enqueue(timerResume(row, now, true));
        }
        moved++;
      }
      return moved;
    });
  }

  private async loadInstance(id: string): Promise<InstanceTable> {
    const instance = await this.repository.findInstance(id);
    if (!instance) throw new NotFoundException(`There is no instance ${id}.`);
    if (CLOSED.has(instance.status)) throw new ConflictException(`The instance is ${instance.status}; it cannot wait for a timer.`);
    return instance;
  }

  private anchorFromField(path: string, instance: InstanceTable, entity: EntityTable | null, zone: string): number {
    const value = readAnchor(path, instance, entity);
    const anchorAt = parseAnchor(value, zone);
    if (anchorAt === null) {
      const found = value === undefined ? 'nothing is there' : `it holds ${JSON.stringify(value)?.slice(0, 60)}`;
      throw fieldError('anchorField', `"${path}" does not resolve to a date on this instance: ${found}`);
    }
    return anchorAt;
  }

  private async recordPast(actor: Actor, timer: TimerTable, entityId: string | null, reason: string): Promise<void> {
    await this.events.record(actor, 'timer.past', { instanceId: timer.instanceId, entityId }, {
      timerId: timer.id,
      label: timer.label,
      fireAt: new Date(timer.fireAt).toISOString(),
      reason,
    });
  }

  private async recordCancelled(actor: Actor, timer: TimerTable, reason: string): Promise<void> {
    const entityId = timer.instanceId ? (await this.repository.findInstance(timer.instanceId))?.entityId ?? null : null;
    const refs = { instanceId: timer.instanceId, entityId };
    await this.events.record(actor, 'timer.cancelled', refs, { timerId: timer.id, label: timer.label, reason });
  }
}

const businessDays = (calendar: CalendarTable | null): BusinessDays | null =>
  calendar ? { timeZone: calendar.timeZone, holidays: calendar.holidays } : null;

const fieldError = (field: string, message: string): BadRequestException =>
  new BadRequestException({ message: `${field}: ${message}`, details: [{ field, messages: [message] }] });
