import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';

export type OutboxKind = 'n8n_resume' | 'webhook' | 'email';
export type OutboxStatus = 'pending' | 'delivered' | 'dead';

/** Every call leaving the backend, written in the transaction that caused it. */
@Entity('outbox')
@Index('ix_outbox_status_next', ['status', 'nextAttemptAt'])
// A new wait of an n8n execution drops resume calls still pending for the same URL (waits/).
@Index('ix_outbox_target_status', ['target', 'status'])
// A case's page lists its deliveries and looks for its dead resumes; the outbox keeps every call it
// delivered, so without this each case page read a year of them.
@Index('ix_outbox_instance', ['instanceId', 'createdAt'])
export class OutboxTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 20 }) kind!: OutboxKind;
  @Column('varchar', { length: 2000, nullable: true }) target!: string | null;
  @JsonColumn() payload!: Record<string, unknown>;
  @Column('varchar', { name: 'idempotency_key', length: 200 }) idempotencyKey!: string;
  @Column('varchar', { name: 'instance_id', length: 36, nullable: true }) instanceId!: string | null;
  @Column('varchar', { length: 20 }) status!: OutboxStatus;
  @Column('integer', { default: 0 }) attempts!: number;
  @Column('integer', { name: 'max_attempts', default: 8 }) maxAttempts!: number;
  @TimeColumn({ name: 'next_attempt_at' }) nextAttemptAt!: number;
  @TimeColumn({ name: 'locked_until', nullable: true }) lockedUntil!: number | null;
  @Column('text', { name: 'last_error', nullable: true }) lastError!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'delivered_at', nullable: true }) deliveredAt!: number | null;
}

@Entity('webhook_subscriptions')
export class WebhookSubscriptionTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @JsonColumn() events!: string[];
  @Column('varchar', { name: 'target_url', length: 2000 }) targetUrl!: string;
  @Column('varchar', { name: 'process_key', length: 100, nullable: true }) processKey!: string | null;
  // Record events (entity.created / entity.updated) only of this type, and only when `field` changed (to `value`).
  @Column('varchar', { name: 'entity_type', length: 50, nullable: true }) entityType!: string | null;
  @Column('varchar', { name: 'field_path', length: 200, nullable: true }) field!: string | null;
  @Column('varchar', { name: 'field_value', length: 500, nullable: true }) value!: string | null;
  @Column('varchar', { name: 'created_by', length: 36, nullable: true }) createdBy!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}
