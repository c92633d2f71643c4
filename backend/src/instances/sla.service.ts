import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { ALWAYS_OPEN, addBusinessTime, BusinessCalendar, businessTimeBetween } from '../calendars/business-time';
import { CalendarsService, DEFAULT_CALENDAR_KEY } from '../calendars/calendars.service';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import type { InstanceTable, ProcessTable, StageVisitTable } from '../database/tables';
import { EventsService } from '../events/events.service';
import { ProcessesService } from '../processes/processes.service';
import { StageVisitResponse, toStageVisitResponse } from './instances.dto';
import { InstancesRepository } from './instances.repository';
import { PauseSlaDto } from './sla.dto';
import { SlaRepository } from './sla.repository';

const CLOSED = new Set(['completed', 'cancelled', 'failed']);

/** Which calendar a stage's SLA runs on: the stage's own, else the process's, else the default. */
export const stageCalendarKey = (process: ProcessTable, stageKey: string): string =>
  process.stages.find((stage) => stage.key === stageKey)?.calendar ?? process.calendarKey ?? DEFAULT_CALENDAR_KEY;

/** The SLA clock of stage visits: which calendar it runs on, and pausing it while the case waits on someone outside. */
@Injectable()
export class SlaService {
  constructor(
    private readonly db: Database,
    private readonly instances: InstancesRepository,
    private readonly repository: SlaRepository,
    private readonly processes: ProcessesService,
    private readonly calendars: CalendarsService,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  /**
   * Joins the caller's unit of work. A calendar deleted since the process was published falls
   * back to the default, and a database without the default to 24/7 UTC: an SLA is never lost.
   */
  async calendarFor(process: ProcessTable, stageKey: string): Promise<BusinessCalendar> {
    const key = stageCalendarKey(process, stageKey);
    const calendar = (await this.calendars.findByKey(key)) ?? (await this.calendars.findByKey(DEFAULT_CALENDAR_KEY));
    return calendar ?? ALWAYS_OPEN;
  }

  async pause(actor: Actor, instanceId: string, dto: PauseSlaDto): Promise<StageVisitResponse> {
    return this.db.transaction(async () => {
      const { instance, visit } = await this.loadClock(instanceId);
      if (visit.slaPausedAt !== null) {
        throw new ConflictException(`The SLA of stage "${visit.stageKey}" is already paused (since ${iso(visit.slaPausedAt)}).`);
      }
      const now = this.clock.now();
      if (!(await this.repository.pause(visit.id, now))) throw changedMeanwhile();
      await this.events.record(actor, 'sla.paused', { instanceId, entityId: instance.entityId }, {
        visitId: visit.id,
        stageKey: visit.stageKey,
        reason: dto.reason ?? null,
        slaDueAt: iso(visit.slaDueAt),
      });
      return this.respond({ ...visit, slaPausedAt: now });
    });
  }

  async resume(actor: Actor, instanceId: string): Promise<StageVisitResponse> {
    return this.db.transaction(async () => {
      const { instance, visit } = await this.loadClock(instanceId);
      const pausedAt = visit.slaPausedAt;
      if (pausedAt === null) throw new ConflictException(`The SLA of stage "${visit.stageKey}" is running; there is nothing to resume.`);
      const now = this.clock.now();
      const calendar = await this.calendarFor(await this.processes.getVersion(instance.processId), visit.stageKey);
      // Only the business time that passed while paused is given back: a pause over a weekend costs nothing.
      const paused = Math.max(0, businessTimeBetween(calendar, pausedAt, now));
      const slaDueAt = visit.slaDueAt === null ? null : addBusinessTime(calendar, visit.slaDueAt, paused);
      const slaPausedMs = visit.slaPausedMs + paused;
      if (!(await this.repository.resume(visit.id, pausedAt, slaPausedMs, slaDueAt))) throw changedMeanwhile();
      const tasks = await this.repository.openTasksWithDue(instanceId, visit.stageKey);
      for (const task of tasks) await this.repository.setTaskDue(task.id, addBusinessTime(calendar, task.dueAt!, paused), now);
      await this.events.record(actor, 'sla.resumed', { instanceId, entityId: instance.entityId }, {
        visitId: visit.id,
        stageKey: visit.stageKey,
        pausedAt: iso(pausedAt),
        pausedBusinessMs: paused,
        previousSlaDueAt: iso(visit.slaDueAt),
        slaDueAt: iso(slaDueAt),
        tasksMoved: tasks.map((task) => task.id),
      });
      return this.respond({ ...visit, slaPausedAt: null, slaPausedMs, slaDueAt });
    });
  }

  private async loadClock(instanceId: string): Promise<{ instance: InstanceTable; visit: StageVisitTable }> {
    const instance = await this.instances.find(instanceId);
    if (!instance) throw new NotFoundException(`Instance ${instanceId} does not exist.`);
    if (CLOSED.has(instance.status)) throw new ConflictException(`Instance ${instanceId} is ${instance.status}; its SLA clock has stopped for good.`);
    const visit = await this.instances.findOpenVisit(instanceId);
    if (!visit) throw new ConflictException(`Instance ${instanceId} is in no stage, so it has no SLA clock.`);
    if (visit.slaDueAt === null) throw new ConflictException(`Stage "${visit.stageKey}" has no SLA, so there is no clock to pause or resume.`);
    return { instance, visit };
  }

  private async respond(visit: StageVisitTable): Promise<StageVisitResponse> {
    const queues = await this.instances.findQueues(visit.ownerQueueId ? [visit.ownerQueueId] : []);
    return toStageVisitResponse(visit, new Map(queues.map((queue) => [queue.id, { id: queue.id, key: queue.key, name: queue.name }])));
  }
}

const changedMeanwhile = (): ConflictException =>
  new ConflictException('The SLA clock changed while this request was handled; look at the instance again.');
