import { ConflictException, Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { addBusinessMinutes } from '../calendars/business-time';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { EventsService } from '../events/events.service';
import type { InstanceTable, ProcessTable, StageVisitTable } from '../database/tables';
import { ProcessesService } from '../processes/processes.service';
import { QueuesService } from '../queues/queues.service';
import { InstancesRepository } from './instances.repository';
import { SlaService } from './sla.service';

export interface EnterStageOptions {
  /**
   * The instance was inserted in this transaction, already at this stage: there is no visit
   * to close and no instance row to update (a launch with a stageKey).
   */
  launching?: boolean;
  ownerQueue?: string;
  assigneeId?: string;
  slaMinutes?: number;
  note?: string;
}

const CLOSED = new Set(['completed', 'cancelled', 'failed']);

/** Moves an instance between the stages of its process version, keeping the stage visits. */
@Injectable()
export class StagesService {
  constructor(
    private readonly repository: InstancesRepository,
    private readonly processes: ProcessesService,
    private readonly queues: QueuesService,
    private readonly events: EventsService,
    private readonly sla: SlaService,
    private readonly clock: Clock,
  ) {}

  /** Call inside a transaction. Closes the open visit and opens one for `stageKey`. */
  async enter(
    actor: Actor,
    instance: InstanceTable,
    process: ProcessTable,
    stageKey: string,
    options: EnterStageOptions = {},
  ): Promise<StageVisitTable> {
    if (CLOSED.has(instance.status)) {
      throw new ConflictException(`Instance ${instance.id} is ${instance.status}; it cannot move to another stage.`);
    }
    const stage = this.processes.findStage(process, stageKey);
    const queueKey = options.ownerQueue ?? stage.ownerQueue;
    const queue = queueKey ? await this.queues.resolve(queueKey) : null;
    const now = this.clock.now();
    const previous = options.launching ? null : await this.repository.findOpenVisit(instance.id);
    if (previous) await this.repository.closeVisit(previous.id, now);

    const slaMinutes = options.slaMinutes ?? stage.slaMinutes;
    // SLA minutes are business minutes: "4 hours" entered at 16:00 on Friday is due on Monday.
    const slaDueAt = slaMinutes ? addBusinessMinutes(await this.sla.calendarFor(process, stage.key), now, slaMinutes) : null;
    const visit: StageVisitTable = {
      id: newId(),
      instanceId: instance.id,
      processKey: instance.processKey,
      processVersion: instance.processVersion,
      stageKey: stage.key,
      stageName: stage.name,
      ownerQueueId: queue?.id ?? null,
      assigneeId: options.assigneeId ?? null,
      note: options.note ?? null,
      enteredAt: now,
      exitedAt: null,
      slaDueAt,
      slaPausedAt: null,
      slaPausedMs: 0,
      breached: false,
      breachedAt: null,
      ladderFired: [],
    };
    await this.repository.insertVisit(visit);
    if (!options.launching) {
      await this.repository.update(instance.id, { currentStageKey: stage.key, stalledAt: null, updatedAt: now });
      Object.assign(instance, { currentStageKey: stage.key, stalledAt: null, updatedAt: now });
    }
    await this.events.record(
      actor,
      'stage.entered',
      { instanceId: instance.id, entityId: instance.entityId },
      {
        processKey: instance.processKey,
        from: previous?.stageKey ?? null,
        to: stage.key,
        stageName: stage.name,
        ownerQueue: queue?.key ?? null,
        slaDueAt: visit.slaDueAt,
        note: visit.note,
      },
    );
    return visit;
  }
}
