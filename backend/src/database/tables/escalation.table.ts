import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';
import { InstanceTable } from './instance.table';

@Entity('escalations')
@Index('ix_escalations_instance', ['instanceId', 'createdAt'])
export class EscalationTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'instance_id', length: 36 }) instanceId!: string;
  @ManyToOne(() => InstanceTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: InstanceTable;
  @Column('varchar', { name: 'task_id', length: 36, nullable: true }) taskId!: string | null;
  /** Index of the ladder step that fired; null for a manual escalation. */
  @Column('integer', { name: 'ladder_step', nullable: true }) ladderStep!: number | null;
  @Column('varchar', { length: 20 }) action!: 'notify' | 'escalate';
  @Column('text') reason!: string;
  @Column('varchar', { name: 'from_queue_id', length: 36, nullable: true }) fromQueueId!: string | null;
  @Column('varchar', { name: 'to_queue_id', length: 36, nullable: true }) toQueueId!: string | null;
  @Column('varchar', { name: 'from_user_id', length: 36, nullable: true }) fromUserId!: string | null;
  @Column('varchar', { name: 'to_user_id', length: 36, nullable: true }) toUserId!: string | null;
  @Column('integer', { nullable: true }) priority!: number | null;
  @Column('varchar', { name: 'actor', length: 100 }) actor!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}
