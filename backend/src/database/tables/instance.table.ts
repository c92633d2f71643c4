import { Column, Entity, JoinColumn, ManyToOne, Index, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';
import { EntityTable } from './entity.table';
import { ProcessTable } from './process.table';
import { QueueTable } from './queue.table';

export const INSTANCE_STATUSES = ['active', 'waiting', 'completed', 'cancelled', 'failed'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** One run of a process version for one entity. */
@Entity('instances')
@Index('uq_instances_process_idempotency', ['processKey', 'idempotencyKey'], { unique: true })
@Index('ix_instances_status_stage', ['status', 'currentStageKey'])
// The live process map (live-map/) counts a process's cases from the index alone, and joins
// visits and tasks to their case without reading its row.
@Index('ix_instances_live_map', ['processKey', 'status', 'currentStageKey', 'outcome', 'processVersion', 'stalledAt', 'closedAt'])
@Index('ix_instances_id_process', ['id', 'processKey', 'processVersion', 'status'])
// The reports (reports/) count the cases started in a period from the index alone: without the
// creation time in it, SQLite read all of a year's cases one row at a time (15 s at a million).
@Index('ix_instances_reports', ['processKey', 'status', 'currentStageKey', 'outcome', 'createdAt'])
// Reports read rolled-up cases from the rollups (reports/rollups/) and only the rest, a tenth of a
// year's cases, from here; a period's partial first and last days come from the creation time.
@Index('ix_instances_not_rolled_up', ['processKey', 'status', 'currentStageKey', 'outcome', 'createdAt', 'id'], { where: 'rolled_up_at IS NULL' })
@Index('ix_instances_created', ['createdAt'])
// The rollup sweep's next batch: closed cases not rolled up yet, oldest first.
@Index('ix_instances_to_roll_up', ['createdAt', 'id'], { where: "rolled_up_at IS NULL AND status IN ('completed', 'cancelled')" })
export class InstanceTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'process_id', length: 36 }) processId!: string;
  @ManyToOne(() => ProcessTable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'process_id' })
  process?: ProcessTable;
  @Column('varchar', { name: 'process_key', length: 100 }) processKey!: string;
  @Column('integer', { name: 'process_version' }) processVersion!: number;
  @Index('ix_instances_entity')
  @Column('varchar', { name: 'entity_id', length: 36 }) entityId!: string;
  @ManyToOne(() => EntityTable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'entity_id' })
  entity?: EntityTable;
  @Column('varchar', { length: 20 }) status!: InstanceStatus;
  @Column('varchar', { name: 'current_stage_key', length: 100, nullable: true }) currentStageKey!: string | null;
  @Column('varchar', { length: 100, nullable: true }) outcome!: string | null;
  @JsonColumn() data!: Record<string, unknown>;
  @Column('varchar', { name: 'n8n_execution_id', length: 100, nullable: true }) n8nExecutionId!: string | null;
  @Column('varchar', { name: 'idempotency_key', length: 200, nullable: true }) idempotencyKey!: string | null;
  /** Set once a stage visit has sat longer than its stall threshold, so the event fires once. */
  @TimeColumn({ name: 'stalled_at', nullable: true }) stalledAt!: number | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
  @TimeColumn({ name: 'closed_at', nullable: true }) closedAt!: number | null;
  /** When the closed case's facts were added to the report rollups; null until then (and while open). Optional: a new case need not name it. */
  @TimeColumn({ name: 'rolled_up_at', nullable: true }) rolledUpAt?: number | null;
  /** Why the case needs attention (status `failed`): n8n's error, the node, the execution. */
  @JsonColumn({ nullable: true }) failure!: InstanceFailure | null;
}

export interface InstanceFailure {
  /** n8n's own error message, or the reason n8n gave for refusing a resume. */
  message: string;
  /** The node that failed, when n8n says. */
  node: string | null;
  executionId: string | null;
  workflowId: string | null;
  /** Link to the execution in the n8n editor, when the backend knows n8n's address. */
  executionUrl: string | null;
  /** What found it: an execution that failed, or a resume n8n refused. */
  source: 'execution' | 'resume';
  /** For a refused resume: the dead-lettered delivery that retrying puts back in line. */
  deliveryId?: string | null;
  at: number;
}

export const EXECUTION_STATUSES = ['running', 'waiting', 'success', 'error', 'canceled', 'unknown'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** An n8n execution that acted on a case: learnt from the nodes' calls, followed through n8n's API. */
@Entity('case_executions')
@Index('uq_case_executions_instance_execution', ['instanceId', 'executionId'], { unique: true })
@Index('ix_case_executions_status_checked', ['status', 'checkedAt'])
export class CaseExecutionTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'instance_id', length: 36 }) instanceId!: string;
  @ManyToOne(() => InstanceTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: InstanceTable;
  @Column('varchar', { name: 'execution_id', length: 100 }) executionId!: string;
  @Column('varchar', { name: 'workflow_id', length: 100, nullable: true }) workflowId!: string | null;
  @Column('varchar', { length: 20 }) status!: ExecutionStatus;
  /** n8n's error for a failed execution; `misses` counts n8n answering 404 for it (see executions/). */
  @JsonColumn({ nullable: true }) error!: { message: string; node: string | null; misses?: number } | null;
  @TimeColumn({ name: 'first_seen_at' }) firstSeenAt!: number;
  @TimeColumn({ name: 'last_seen_at' }) lastSeenAt!: number;
  /** When n8n's API was last asked about it; null until the first check. */
  @TimeColumn({ name: 'checked_at', nullable: true }) checkedAt!: number | null;
}

/** Instance × stage: time in stage and the SLA clock come from here. */
@Entity('stage_visits')
@Index('ix_stage_visits_instance', ['instanceId', 'enteredAt'])
// The live process map: a process's visits that began in a period, and open visits past their SLA.
@Index('ix_stage_visits_process_entered', ['processKey', 'enteredAt', 'stageKey', 'exitedAt', 'processVersion'])
// Reports: the visits of a period's partial first and last days (the whole days are rolled up), and
// the ended visits not rolled up yet (reports/rollups/), which is also the rollup sweep's next batch.
@Index('ix_stage_visits_entered', ['enteredAt'])
@Index('ix_stage_visits_not_rolled_up', ['enteredAt', 'id'], { where: 'rolled_up_at IS NULL AND exited_at IS NOT NULL' })
@Index('ix_stage_visits_open_breached', ['stageKey', 'instanceId'], { where: 'exited_at IS NULL AND breached = true' })
export class StageVisitTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { name: 'instance_id', length: 36 }) instanceId!: string;
  @ManyToOne(() => InstanceTable, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'instance_id' })
  instance?: InstanceTable;
  /** The case's process, copied from the instance so the live map reads a process's visits without a join. */
  @Column('varchar', { name: 'process_key', length: 100, nullable: true }) processKey!: string | null;
  @Column('integer', { name: 'process_version', nullable: true }) processVersion!: number | null;
  @Column('varchar', { name: 'stage_key', length: 100 }) stageKey!: string;
  @Column('varchar', { name: 'stage_name', length: 200 }) stageName!: string;
  @Column('varchar', { name: 'owner_queue_id', length: 36, nullable: true }) ownerQueueId!: string | null;
  @ManyToOne(() => QueueTable, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'owner_queue_id' })
  ownerQueue?: QueueTable;
  @Column('varchar', { name: 'assignee_id', length: 36, nullable: true }) assigneeId!: string | null;
  @Column('text', { nullable: true }) note!: string | null;
  @TimeColumn({ name: 'entered_at' }) enteredAt!: number;
  @TimeColumn({ name: 'exited_at', nullable: true }) exitedAt!: number | null;
  @TimeColumn({ name: 'sla_due_at', nullable: true }) slaDueAt!: number | null;
  @TimeColumn({ name: 'sla_paused_at', nullable: true }) slaPausedAt!: number | null;
  @TimeColumn({ name: 'sla_paused_ms', default: 0 }) slaPausedMs!: number;
  @Column('boolean', { default: false }) breached!: boolean;
  @TimeColumn({ name: 'breached_at', nullable: true }) breachedAt!: number | null;
  /** Indexes of the escalation ladder steps already fired for this visit. */
  @Column('simple-json', { name: 'ladder_fired' }) ladderFired!: number[];
  /** When the ended visit was added to the report rollups; null until then. Optional: a new visit need not name it. */
  @TimeColumn({ name: 'rolled_up_at', nullable: true }) rolledUpAt?: number | null;
}
