import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '../auth/actor';
import { Page, pageOf } from '../common/paging';
import { EventsService } from '../events/events.service';
import { DeliveryResponse, ListOutboxQuery, toDeliveryResponse } from './outbox.dto';
import { OutboxRepository } from './outbox.repository';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Database } from '../database/database';
import { OutboxKind, OutboxTable } from '../database/tables';
import type { DeliveryObserver, DeliveryResult } from './deliverer';

export interface OutboxItem {
  kind: OutboxKind;
  target: string | null;
  payload: Record<string, unknown>;
  /** Sent with the delivery so the receiver can drop a repeat; also unique per kind here. */
  idempotencyKey: string;
  instanceId?: string | null;
  maxAttempts?: number;
}

/**
 * Records calls that must leave the backend. Call inside the transaction of the change that
 * causes the call: the call is then made if and only if the change was committed.
 */
@Injectable()
export class OutboxService {
  private readonly listeners: Array<() => void> = [];
  private readonly observers: DeliveryObserver[] = [];

  constructor(
    private readonly db: Database,
    private readonly repository: OutboxRepository,
    private readonly events: EventsService,
    private readonly clock: Clock,
  ) {}

  async enqueue(item: OutboxItem): Promise<OutboxTable> {
    const now = this.clock.now();
    const row: OutboxTable = {
      id: newId(),
      kind: item.kind,
      target: item.target,
      payload: item.payload,
      idempotencyKey: item.idempotencyKey,
      instanceId: item.instanceId ?? null,
      status: 'pending',
      attempts: 0,
      maxAttempts: item.maxAttempts ?? 8,
      nextAttemptAt: now,
      lockedUntil: null,
      lastError: null,
      createdAt: now,
      deliveredAt: null,
    };
    await this.db.insert(OutboxTable, row);
    this.db.afterCommit(() => this.listeners.forEach((listener) => listener()));
    return row;
  }

  /** The worker listens here to deliver as soon as a transaction with deliveries commits. */
  onEnqueued(listener: () => void): void {
    this.listeners.push(listener);
  }

  observe(observer: DeliveryObserver): void {
    this.observers.push(observer);
  }

  isObserved(kind: OutboxKind): boolean {
    return this.observers.some((observer) => observer.kinds.includes(kind));
  }

  /** Called by the worker, in a transaction, once a delivery is marked delivered. */
  async notifyDelivered(item: OutboxTable, result?: DeliveryResult): Promise<void> {
    for (const observer of this.observers) if (observer.kinds.includes(item.kind)) await observer.delivered?.(item, result);
  }

  /** Called by the worker, in a transaction, once a delivery is dead-lettered. */
  async notifyDeadLettered(item: OutboxTable, error: unknown): Promise<void> {
    for (const observer of this.observers) if (observer.kinds.includes(item.kind)) await observer.deadLettered?.(item, error);
  }

  async list(query: ListOutboxQuery): Promise<Page<DeliveryResponse>> {
    return this.db.read(async () => {
      const [rows, total] = await this.repository.list(query.status, query.limit ?? 50, query.offset ?? 0);
      return pageOf(rows.map(toDeliveryResponse), total, query);
    });
  }

  async retry(actor: Actor, id: string): Promise<DeliveryResponse> {
    return this.db.transaction(async () => {
      const row = await this.repository.find(id);
      if (!row) throw new NotFoundException(`Delivery ${id} does not exist.`);
      if (!(await this.repository.requeue(id, this.clock.now()))) {
        throw new ConflictException(`Delivery ${id} is ${row.status}; only dead-lettered deliveries can be retried.`);
      }
      await this.events.record(actor, 'delivery.retried', { instanceId: row.instanceId }, { deliveryId: id, kind: row.kind });
      this.db.afterCommit(() => this.listeners.forEach((listener) => listener()));
      return toDeliveryResponse((await this.repository.find(id))!);
    });
  }
}
