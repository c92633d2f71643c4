import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';
import { InstanceTable } from './instance.table';

/**
 * pending: waiting for its time; fired: its time came and it resumed (or would resume) its
 * execution; past: its time had already passed when it was registered or when its anchor moved
 * (Relative Delay's "If Already Past"); cancelled: nothing will fire (case closed, superseded,
 * or deleted).
 */
export const TIMER_STATUSES = ['pending', 'fired', 'past', 'cancelled'] as const;
export type TimerStatus = (typeof TIMER_STATUSES)[number];
export type OffsetUnit = 'minutes' | 'hours' | 'days' | 'businessDays' | 'weeks' | 'months';

export interface TimerOffset {
  amount: number;
  unit: OffsetUnit;
}

/** A wait registered by Relative Delay, owned and fired by the backend. */
@Entity('timers')
@Index('ix_timers_status_fire_at', ['status', 'fireAt'])
@Index('ix_timers_instance', ['instanceId'])
// A new wait of an n8n execution supersedes the pending timers on the same resume URL (waits/).
@Index('ix_timers_resume_url_status', ['resumeUrl', 'status'])
// A registration sent again with its request key (a call whose answer was lost) finds its timer.
@Index('uq_timers_request_key', ['requestKey'], { unique: true })
export class TimerTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'instance_id', length: 36, nullable: true }) instanceId!: string | null;
  @ManyToOne(() => InstanceTable, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'instance_id' })
  instance?: InstanceTable;
  /** e.g. "data.courseStart" or "entity.attributes.dueDate"; null when the anchor was a literal. */
  @Column('varchar', { name: 'anchor_field', length: 200, nullable: true }) anchorField!: string | null;
  @TimeColumn({ name: 'anchor_at' }) anchorAt!: number;
  @JsonColumn() offset!: TimerOffset;
  @Column('varchar', { name: 'time_of_day', length: 5, nullable: true }) timeOfDay!: string | null;
  @Column('varchar', { name: 'time_zone', length: 100, nullable: true }) timeZone!: string | null;
  @Column('varchar', { name: 'calendar_key', length: 100, nullable: true }) calendarKey!: string | null;
  @TimeColumn({ name: 'fire_at' }) fireAt!: number;
  @Column('varchar', { length: 20 }) status!: TimerStatus;
  @Column('varchar', { name: 'resume_url', length: 2000, nullable: true }) resumeUrl!: string | null;
  @Column('varchar', { length: 300, default: '' }) label!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'fired_at', nullable: true }) firedAt!: number | null;
  /** Last time its anchor moved and the fire time with it. */
  @TimeColumn({ name: 'moved_at', nullable: true }) movedAt!: number | null;
  /** When the waiting n8n node took the resume for this timer (see TaskTable.resumedAt). */
  @TimeColumn({ name: 'resumed_at', nullable: true }) resumedAt!: number | null;
  /** The caller's key for the registration (Relative Delay makes one per run); optional when inserting. */
  @Column('varchar', { name: 'request_key', length: 100, nullable: true }) requestKey?: string | null;
  /** The resume call that took it (its x-caseflow-idempotency-key): that call sent again takes it again. */
  @Column('varchar', { name: 'taken_by', length: 200, nullable: true }) takenBy?: string | null;
}
