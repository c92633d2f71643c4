import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock';
import { newId } from '../common/ids';
import { Database } from '../database/database';
import { OutboxKind, OutboxTable } from '../database/tables';

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
  constructor(
    private readonly db: Database,
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
    return row;
  }

  listForInstance(instanceId: string): Promise<OutboxTable[]> {
    return this.db.manager.find(OutboxTable, { where: { instanceId }, order: { createdAt: 'ASC' } });
  }
}
