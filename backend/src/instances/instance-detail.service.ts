import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { iso } from '../common/time';
import { Database } from '../database/database';
import { OutboxTable, TaskTable } from '../database/tables';
import { EventResponse, toEventResponse } from '../events/event.dto';
import { EventsService } from '../events/events.service';
import { InstanceResponse, StageVisitResponse, toInstanceResponse, toStageVisitResponse } from './instances.dto';
import { InstancesRepository } from './instances.repository';
import { InstancesService } from './instances.service';

export interface DeliveryResponse {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
}

export interface InstanceDetailResponse extends InstanceResponse {
  stageVisits: StageVisitResponse[];
  timeline: EventResponse[];
  deliveries: DeliveryResponse[];
  openTaskIds: string[];
}

const toDeliveryResponse = (row: OutboxTable): DeliveryResponse => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  attempts: row.attempts,
  lastError: row.lastError,
  createdAt: iso(row.createdAt)!,
  deliveredAt: iso(row.deliveredAt),
  nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
});

/** One read of everything that happened to a case: stage history, timeline, deliveries. */
@Injectable()
export class InstanceDetailService {
  constructor(
    private readonly db: Database,
    private readonly repository: InstancesRepository,
    private readonly instances: InstancesService,
    private readonly events: EventsService,
  ) {}

  async get(id: string): Promise<InstanceDetailResponse> {
    return this.db.read(async () => {
      const instance = await this.instances.load(id);
      const visits = await this.repository.listVisits(id);
      const queueIds = [...new Set(visits.map((v) => v.ownerQueueId).filter((q): q is string => !!q))];
      const queues = new Map((await this.repository.findQueues(queueIds)).map((q) => [q.id, { id: q.id, key: q.key, name: q.name }]));
      const open = visits.find((v) => v.exitedAt === null) ?? null;
      const deliveries = await this.db.manager.find(OutboxTable, { where: { instanceId: id }, order: { createdAt: 'ASC' } });
      const openTasks = await this.db.manager.find(TaskTable, { where: { instanceId: id, status: In(['open', 'claimed']) }, select: { id: true } });
      return {
        ...toInstanceResponse(instance, await this.repository.findEntity(instance.entityId), open),
        stageVisits: visits.map((v) => toStageVisitResponse(v, queues)),
        timeline: (await this.events.listForInstance(id)).map(toEventResponse),
        deliveries: deliveries.map(toDeliveryResponse),
        openTaskIds: openTasks.map((t) => t.id),
      };
    });
  }
}
