import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';
import { InstanceTable } from './instance.table';
import { UserTable } from './user.table';

/** What people schedule for themselves or a colleague on a case, beside the tasks a flow raises. */
export const ACTIVITY_KINDS = ['follow-up', 'to-do', 'event'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const ACTIVITY_STATUSES = ['open', 'done', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * A follow-up (due at a time), a to-do (due at a time or whenever) or an event (from a start to an
 * end) on a case, owned by one person. Cancelled ones are kept: the case's audit refers to them.
 */
@Entity('activities')
@Index('ix_activities_assignee', ['assigneeId', 'status'])
@Index('ix_activities_instance', ['instanceId'])
export class ActivityTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'instance_id', length: 36 }) instanceId!: string;
  @ManyToOne(() => InstanceTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: InstanceTable;
  @Column('varchar', { length: 20 }) kind!: ActivityKind;
  @Column('varchar', { length: 200 }) title!: string;
  @Column('text', { default: '' }) note!: string;
  @TimeColumn({ name: 'due_at', nullable: true }) dueAt!: number | null;
  @TimeColumn({ name: 'start_at', nullable: true }) startAt!: number | null;
  @TimeColumn({ name: 'end_at', nullable: true }) endAt!: number | null;
  @Column('varchar', { length: 12 }) status!: ActivityStatus;
  @Column('varchar', { name: 'assignee_id', length: 36 }) assigneeId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: UserTable;
  @Column('varchar', { name: 'created_by', length: 36, nullable: true }) createdBy!: string | null;
  @Column('varchar', { name: 'completed_by', length: 36, nullable: true }) completedBy!: string | null;
  @TimeColumn({ name: 'completed_at', nullable: true }) completedAt!: number | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
}
