import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../columns';
import { TaskTable } from './task.table';
import { UserTable } from './user.table';

export const NOTIFICATION_KINDS = ['task.created', 'task.assigned', 'task.reminder', 'instance.stalled', 'activity.assigned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** every event by itself, one email a day with all of them, or nothing. */
export const NOTIFICATION_MODES = ['each', 'digest', 'off'] as const;
export type NotificationMode = (typeof NOTIFICATION_MODES)[number];

/** A user's choice for one kind; a kind without a row is `each`. */
@Entity('notification_preferences')
export class NotificationPreferenceTable {
  @PrimaryColumn('varchar', { name: 'user_id', length: 36 }) userId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserTable;
  @PrimaryColumn('varchar', { length: 40 }) kind!: NotificationKind;
  @Column('varchar', { length: 10 }) mode!: NotificationMode;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
}

/**
 * One line of a user's next digest. `due_at` is fixed when the item is queued (the next digest
 * time in the user's zone), so the digest sweep only compares instants and deleting the rows is
 * the claim that sends them once.
 */
@Entity('notification_digest_items')
@Index('ix_notification_digest_items_due', ['dueAt', 'userId'])
export class NotificationDigestItemTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'user_id', length: 36 }) userId!: string;
  @ManyToOne(() => UserTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: UserTable;
  @Column('varchar', { length: 40 }) kind!: NotificationKind;
  @Column('varchar', { length: 500 }) headline!: string;
  @Column('varchar', { length: 2000 }) link!: string;
  @TimeColumn({ name: 'due_at' }) dueAt!: number;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}

/** A reminder that went out: the row is written by the claim, so each fires once across replicas. */
@Entity('task_reminders')
export class TaskReminderTable {
  @PrimaryColumn('varchar', { name: 'task_id', length: 36 }) taskId!: string;
  @ManyToOne(() => TaskTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskTable;
  @PrimaryColumn('integer', { name: 'before_minutes' }) beforeMinutes!: number;
  @TimeColumn({ name: 'sent_at' }) sentAt!: number;
}

/**
 * A notification waiting to be fanned out to its people: written in the transaction of the event
 * that causes it (one row, however many people it reaches), so the event's request never waits on
 * rendering one email per person; the fan-out deletes it in the transaction that writes the
 * emails and digest lines, so each goes out once across replicas.
 */
@Entity('notification_jobs')
@Index('ix_notification_jobs_created', ['createdAt'])
export class NotificationJobTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 40 }) kind!: NotificationKind;
  /** Who caused it: never notified of it, even as someone's cover. */
  @Column('varchar', { name: 'actor_user_id', length: 36, nullable: true }) actorUserId!: string | null;
  /** The people, named at the event (an assignee)... */
  @Column('simple-json', { name: 'user_ids' }) userIds!: string[];
  /** ...or the queue whose active members it goes to, read at the fan-out, so the event's request does not read them. */
  @Column('varchar', { name: 'queue_id', length: 36, nullable: true }) queueId!: string | null;
  @Column('varchar', { name: 'instance_id', length: 36 }) instanceId!: string;
  @Column('varchar', { name: 'task_id', length: 36, nullable: true }) taskId!: string | null;
  @Column('varchar', { length: 500 }) title!: string;
  @Column('simple-json', { nullable: true }) extra!: Record<string, unknown> | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}
