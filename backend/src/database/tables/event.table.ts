import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';

export type ActorType = 'user' | 'api_key' | 'system';

/** The audit trail: every state change, by whom or what, when. Also feeds the trigger node. */
@Entity('events')
@Index('ix_events_instance', ['instanceId', 'seq'])
@Index('ix_events_entity', ['entityId', 'seq'])
export class EventTable {
  @PrimaryGeneratedColumn('increment') seq!: number;
  @Column('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 60 }) type!: string;
  @Column('varchar', { name: 'instance_id', length: 36, nullable: true }) instanceId!: string | null;
  @Column('varchar', { name: 'entity_id', length: 36, nullable: true }) entityId!: string | null;
  @Column('varchar', { name: 'task_id', length: 36, nullable: true }) taskId!: string | null;
  @Column('varchar', { name: 'actor_type', length: 20 }) actorType!: ActorType;
  @Column('varchar', { name: 'actor_id', length: 36, nullable: true }) actorId!: string | null;
  @Column('varchar', { name: 'actor_name', length: 200, nullable: true }) actorName!: string | null;
  @JsonColumn() data!: Record<string, unknown>;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}
