import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { ActivitiesRepository } from '../activities/activities.repository';
import { ActivityResponse } from '../activities/activities.dto';
import { ActivitiesService } from '../activities/activities.service';
import type { Actor } from '../auth/actor';
import { CaseScopeService } from '../auth/case-scope';
import { Clock } from '../common/clock';
import { iso } from '../common/time';
import { Database } from '../database/database';
import { EscalationTable, MessageTable, OutboxTable, QueueTable, TaskTable, TimerTable, UserTable } from '../database/tables';
import { DocumentResponse, toDocumentResponse } from '../documents/documents.dto';
import { DocumentsRepository } from '../documents/documents.repository';
import { EscalationNames, EscalationResponse, toEscalationResponse } from '../escalations/escalations.dto';
import { EventResponse, toEventResponse } from '../events/event.dto';
import { EventsService } from '../events/events.service';
import type { ExecutionResponse } from '../executions/executions.dto';
import { ExecutionsService } from '../executions/executions.service';
import { InstanceResponse, StageVisitResponse, toInstanceResponse, toStageVisitResponse } from '../instances/instances.dto';
import { InstancesRepository } from '../instances/instances.repository';
import { InstancesService } from '../instances/instances.service';
import { MessageResponse, toMessageResponse } from '../messages/messages.dto';
import type { TaskResponse } from '../tasks/tasks.dto';
import { TasksService } from '../tasks/tasks.service';
import { TimerResponse, toTimerResponse } from '../timers/timers.dto';

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

/** Why the call that was to resume the execution waiting on it never got through (dead-lettered). */
interface ResumeError {
  resumeError: string | null;
}

export interface InstanceDetailResponse extends InstanceResponse {
  stageVisits: StageVisitResponse[];
  tasks: Array<TaskResponse & ResumeError>;
  timers: Array<TimerResponse & ResumeError>;
  /** The n8n executions that acted on the case, as n8n last described them. */
  executions: ExecutionResponse[];
  messages: MessageResponse[];
  /** Files on the case, newest first. */
  documents: DocumentResponse[];
  /** Follow-ups, to-dos and events people put on the case: open ones first, by time. */
  activities: ActivityResponse[];
  escalations: EscalationResponse[];
  timeline: EventResponse[];
  deliveries: DeliveryResponse[];
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
    private readonly tasks: TasksService,
    private readonly executions: ExecutionsService,
    private readonly clock: Clock,
    private readonly scope: CaseScopeService,
    private readonly documents: DocumentsRepository,
    private readonly activities: ActivitiesService,
    private readonly activityRows: ActivitiesRepository,
  ) {}

  async get(actor: Actor, id: string): Promise<InstanceDetailResponse> {
    return this.db.read(async () => {
      const instance = await this.instances.load(id);
      await this.scope.assertVisible(actor, id);
      const visits = await this.repository.listVisits(id);
      const queueIds = [...new Set(visits.map((v) => v.ownerQueueId).filter((q): q is string => !!q))];
      const queues = new Map((await this.repository.findQueues(queueIds)).map((q) => [q.id, { id: q.id, key: q.key, name: q.name }]));
      const open = visits.find((v) => v.exitedAt === null) ?? null;
      const m = this.db.manager;
      const byCreation = { order: { createdAt: 'ASC' as const } };
      const deliveries = await m.find(OutboxTable, { where: { instanceId: id }, ...byCreation });
      const tasks = await m.find(TaskTable, { where: { instanceId: id }, ...byCreation });
      const timers = await m.find(TimerTable, { where: { instanceId: id }, order: { fireAt: 'ASC' } });
      const messages = await m.find(MessageTable, { where: { instanceId: id }, ...byCreation });
      const escalations = await m.find(EscalationTable, { where: { instanceId: id }, ...byCreation });
      const now = this.clock.now();
      const names = await this.escalationNames(escalations);
      const resumeErrors = await this.executions.resumeErrors(id);
      const withResumeError = <T extends { id: string }>(row: T): T & ResumeError => ({ ...row, resumeError: resumeErrors.get(row.id) ?? null });
      return {
        ...toInstanceResponse(instance, await this.repository.findEntity(instance.entityId), open),
        stageVisits: visits.map((v) => toStageVisitResponse(v, queues)),
        tasks: (await this.tasks.toResponses(tasks)).map(withResumeError),
        timers: timers.map((timer) => withResumeError(toTimerResponse(timer, now))),
        executions: await this.executions.listForInstance(id),
        messages: messages.map(toMessageResponse),
        documents: (await this.documents.listForInstance(id)).map(toDocumentResponse),
        activities: await this.activities.responses(await this.activityRows.listForInstance(id)),
        escalations: escalations.map((e) => toEscalationResponse(e, names)),
        timeline: (await this.events.listForInstance(id)).map(toEventResponse),
        deliveries: deliveries.map(toDeliveryResponse),
      };
    });
  }

  private async escalationNames(rows: EscalationTable[]): Promise<EscalationNames> {
    const queueIds = [...new Set(rows.flatMap((r) => [r.fromQueueId, r.toQueueId]).filter((q): q is string => !!q))];
    const userIds = [...new Set(rows.flatMap((r) => [r.fromUserId, r.toUserId]).filter((u): u is string => !!u))];
    const queues = queueIds.length ? await this.db.manager.findBy(QueueTable, { id: In(queueIds) }) : [];
    const users = userIds.length ? await this.db.manager.findBy(UserTable, { id: In(userIds) }) : [];
    return { queues: new Map(queues.map((q) => [q.id, q])), users: new Map(users.map((u) => [u.id, u])) };
  }
}
