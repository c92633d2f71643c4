import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Database } from '../database/database';
import { EventTable } from '../database/tables';

export interface EventRefs {
  instanceId?: string | null;
  entityId?: string | null;
  taskId?: string | null;
}

/** Something that must happen in the same transaction as an event (e.g. queue trigger webhooks). */
export interface EventSink {
  onEvent(event: EventTable): Promise<void>;
}

/** Writes the audit trail. Call inside the transaction of the change being recorded. */
@Injectable()
export class EventsService {
  private readonly sinks: EventSink[] = [];

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  addSink(sink: EventSink): void {
    this.sinks.push(sink);
  }

  async record(actor: Actor, type: string, refs: EventRefs, data: Record<string, unknown> = {}): Promise<EventTable> {
    const event: EventTable = {
      id: newId(),
      type,
      instanceId: refs.instanceId ?? null,
      entityId: refs.entityId ?? null,
      taskId: refs.taskId ?? null,
      actorType: actor.type,
      actorId: actor.id,
      actorName: actor.name,
      data,
      createdAt: this.clock.now(),
    } as EventTable;
    await this.db.insert(EventTable, event);
    for (const sink of this.sinks) await sink.onEvent(event);
    return event;
  }

  listForInstance(instanceId: string): Promise<EventTable[]> {
    return this.db.manager.find(EventTable, { where: { instanceId }, order: { seq: 'ASC' } });
  }

  listForEntity(entityId: string): Promise<EventTable[]> {
    return this.db.manager.find(EventTable, { where: { entityId }, order: { seq: 'ASC' } });
  }
}
