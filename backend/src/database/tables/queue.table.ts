import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';
import { UserTable } from './user.table';

@Entity('queues')
export class QueueTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 100, unique: true }) key!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('text', { default: '' }) description!: string;
  @Column('varchar', { name: 'calendar_key', length: 100, nullable: true }) calendarKey!: string | null;
  /** Where escalations from this queue go when a ladder step names no target. */
  @Column('varchar', { name: 'supervisor_queue_key', length: 100, nullable: true }) supervisorQueueKey!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
}

@Entity('queue_members')
export class QueueMemberTable {
  @PrimaryColumn('varchar', { name: 'queue_id', length: 36 }) queueId!: string;
  @ManyToOne(() => QueueTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'queue_id' })
  queue?: QueueTable;
  @PrimaryColumn('varchar', { name: 'user_id', length: 36 }) userId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserTable;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}

export type WorkingHours = Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Array<[string, string]>>;

@Entity('calendars')
export class CalendarTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 100, unique: true }) key!: string;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('varchar', { name: 'time_zone', length: 100 }) timeZone!: string;
  @JsonColumn({ name: 'working_hours' }) workingHours!: WorkingHours;
  /** ISO dates (YYYY-MM-DD) in the calendar's time zone. */
  @JsonColumn() holidays!: string[];
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
}
