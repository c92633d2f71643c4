import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';
import { InstanceTable } from './instance.table';
import { QueueTable } from './queue.table';
import type { DecisionDefinition } from './process.table';

export const TASK_STATUSES = ['open', 'claimed', 'decided', 'cancelled', 'expired'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskField {
  key: string;
  label: string;
  type: 'string' | 'number' | 'boolean' | 'date';
  required?: boolean;
}

/** A review item awaiting a decision from a queue. */
@Entity('tasks')
@Index('ix_tasks_queue_status_due', ['queueId', 'status', 'dueAt'])
@Index('ix_tasks_instance', ['instanceId'])
// The inbox reads open work in due order; partial indexes keep that a short index walk however
// many decided tasks pile up beside it.
@Index('ix_tasks_open_due', ['dueAt', 'id'], { where: "status IN ('open', 'claimed')" })
@Index('ix_tasks_open_queue_due', ['queueId', 'dueAt', 'id'], { where: "status IN ('open', 'claimed')" })
// "Unassigned in my queue" counts and pages from the index alone, however many are claimed.
@Index('ix_tasks_open_queue_assignee_due', ['queueId', 'assigneeId', 'dueAt', 'id'], { where: "status IN ('open', 'claimed')" })
// "By priority" (highest first, oldest first within one) walks this instead of sorting every open
// task. Its DESC column is beyond TypeORM's index options: created by migration TaskInboxIndexes.
@Index('ix_tasks_open_priority', { synchronize: false })
// A new wait of an n8n execution supersedes the open ones on the same resume URL (waits/).
@Index('ix_tasks_open_resume_url', ['resumeUrl'], { where: "status IN ('open', 'claimed')" })
// A resume is taken only by the latest wait registered on its URL (waits/ take()).
@Index('ix_tasks_resume_url_created', ['resumeUrl', 'createdAt'])
// A registration sent again with its request key (a call whose answer was lost) finds its task.
@Index('uq_tasks_request_key', ['requestKey'], { unique: true })
// The live process map: a process's decisions made in a period, and overdue tasks by stage, from the index alone.
@Index('ix_tasks_process_decided', ['processKey', 'decidedAt', 'stageKey', 'decision', 'processVersion'], { where: "status = 'decided'" })
@Index('ix_tasks_process_open_due', ['processKey', 'dueAt', 'stageKey', 'processVersion'], { where: "status IN ('open', 'claimed')" })
// Reports: the decisions of a period's partial first and last days (the whole days are rolled up),
// and the decisions not rolled up yet (reports/rollups/), which is also the rollup sweep's next batch.
@Index('ix_tasks_decided_created', ['createdAt'], { where: "status = 'decided'" })
@Index('ix_tasks_decided_not_rolled_up', ['createdAt', 'id'], { where: "rolled_up_at IS NULL AND status = 'decided'" })
// The overdue report lists every open task past due, in due order, from this index alone: looking
// each one up in the table cost seconds at 100,000 open tasks beside a year of decided ones.
@Index('ix_tasks_open_overdue', ['dueAt', 'id', 'title', 'instanceId', 'stageKey', 'queueId', 'assigneeId', 'priority', 'status'], {
  where: "status IN ('open', 'claimed')",
})
export class TaskTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'instance_id', length: 36 }) instanceId!: string;
  @ManyToOne(() => InstanceTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: InstanceTable;
  /** The case's process, copied from the instance so the live map reads a process's decisions without a join. */
  @Column('varchar', { name: 'process_key', length: 100, nullable: true }) processKey!: string | null;
  @Column('integer', { name: 'process_version', nullable: true }) processVersion!: number | null;
  @Column('varchar', { name: 'stage_key', length: 100, nullable: true }) stageKey!: string | null;
  @Column('varchar', { name: 'queue_id', length: 36 }) queueId!: string;
  @ManyToOne(() => QueueTable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'queue_id' })
  queue?: QueueTable;
  @Column('varchar', { name: 'assignee_id', length: 36, nullable: true }) assigneeId!: string | null;
  @Column('varchar', { length: 300 }) title!: string;
  @Column('text', { default: '' }) instructions!: string;
  @JsonColumn() decisions!: DecisionDefinition[];
  @JsonColumn() fields!: TaskField[];
  @TimeColumn({ name: 'due_at', nullable: true }) dueAt!: number | null;
  @Column('integer', { default: 2 }) priority!: number;
  @Column('varchar', { length: 20 }) status!: TaskStatus;
  @Column('varchar', { length: 100, nullable: true }) decision!: string | null;
  @Column('text', { nullable: true }) comment!: string | null;
  @JsonColumn({ nullable: true }) captured!: Record<string, unknown> | null;
  @Column('varchar', { name: 'decided_by', length: 36, nullable: true }) decidedBy!: string | null;
  @TimeColumn({ name: 'decided_at', nullable: true }) decidedAt!: number | null;
  /** n8n's $execution.resumeUrl, kept exactly as n8n produced it. */
  @Column('varchar', { name: 'resume_url', length: 2000, nullable: true }) resumeUrl!: string | null;
  @TimeColumn({ name: 'breached_at', nullable: true }) breachedAt!: number | null;
  /** When the waiting n8n node took the resume for this task: a wait resumes its execution once. */
  @TimeColumn({ name: 'resumed_at', nullable: true }) resumedAt!: number | null;
  /** The caller's key for the registration (Await Decision makes one per run); optional when inserting. */
  @Column('varchar', { name: 'request_key', length: 100, nullable: true }) requestKey?: string | null;
  /** The resume call that took it (its x-caseflow-idempotency-key): that call sent again takes it again. */
  @Column('varchar', { name: 'taken_by', length: 200, nullable: true }) takenBy?: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
  /** When the decided task was added to the report rollups; null until then. Optional: a new task need not name it. */
  @TimeColumn({ name: 'rolled_up_at', nullable: true }) rolledUpAt?: number | null;
}

@Entity('task_comments')
@Index('ix_task_comments_task', ['taskId', 'createdAt'])
export class TaskCommentTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'task_id', length: 36 }) taskId!: string;
  @ManyToOne(() => TaskTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'task_id' })
  task?: TaskTable;
  @Column('varchar', { name: 'author_id', length: 36, nullable: true }) authorId!: string | null;
  @Column('text') body!: string;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
}
