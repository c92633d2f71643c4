import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * What the reports count about settled facts (reports/rollups/): closed cases, ended stage visits,
 * decided tasks and sent messages, which never change again. Once rolled up they are read from
 * here, a row per UTC day, process and grouping, instead of from a year of rows. `day` is the day
 * number (epoch ms / 86,400,000) of the column the report filters on. Rows are only ever added to:
 * two replicas adding the same key at once leave two rows, which the reports sum like any others.
 */

/** Closed cases, with their tasks and escalations, by the day the case was created. */
@Entity('report_case_rollups')
@Index('ix_report_case_rollups_key', ['day', 'processKey', 'currentStageKey', 'status', 'outcome'])
export class ReportCaseRollupTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  /** Of the case's created_at. */
  @Column('integer') day!: number;
  @Column('varchar', { name: 'process_key', length: 100 }) processKey!: string;
  @Column('varchar', { name: 'current_stage_key', length: 100, nullable: true }) currentStageKey!: string | null;
  @Column('varchar', { length: 20 }) status!: string;
  @Column('varchar', { length: 100, nullable: true }) outcome!: string | null;
  @Column('integer') cases!: number;
  @Column('integer') tasks!: number;
  @Column('integer') escalations!: number;
  /** Cases escalated at least once (on the case or one of its tasks). */
  @Column('integer', { name: 'escalated_cases' }) escalatedCases!: number;
  /** Distinct tasks escalated. */
  @Column('integer', { name: 'escalated_tasks' }) escalatedTasks!: number;
}

export type RollupSpan = 'day' | 'month';

/**
 * Ended stage visits, by the day the visit began, and again by its month: a year's time in stage
 * reads a dozen month rows per stage, not 365 day rows, and their histograms are what it merges.
 */
@Entity('report_stage_rollups')
@Index('ix_report_stage_rollups_key', ['span', 'day', 'processKey', 'stageKey', 'stageName'])
export class ReportStageRollupTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 5 }) span!: RollupSpan;
  /** Of the visit's entered_at; for a month row, the month's first day. */
  @Column('integer') day!: number;
  @Column('varchar', { name: 'process_key', length: 100 }) processKey!: string;
  @Column('varchar', { name: 'stage_key', length: 100 }) stageKey!: string;
  @Column('varchar', { name: 'stage_name', length: 200 }) stageName!: string;
  @Column('integer') visits!: number;
  @Column('bigint', { name: 'total_ms' }) totalMs!: string | number;
  /** Visits per duration bucket (reports/rollups/duration-histogram.ts), encoded there. */
  @Column('text') histogram!: string;
}

/** Decided tasks, by the day the task was created. */
@Entity('report_decision_rollups')
@Index('ix_report_decision_rollups_key', ['day', 'processKey', 'stageKey', 'decision'])
export class ReportDecisionRollupTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  /** Of the task's created_at. */
  @Column('integer') day!: number;
  @Column('varchar', { name: 'process_key', length: 100 }) processKey!: string;
  @Column('varchar', { name: 'stage_key', length: 100, nullable: true }) stageKey!: string | null;
  @Column('varchar', { length: 100, nullable: true }) decision!: string | null;
  @Column('integer') count!: number;
}

/**
 * Sent messages, by the day they were written. Only sent ones: the outbox never moves a sent
 * message again, while a failed one is sent after all when its dead delivery is retried.
 */
@Entity('report_message_rollups')
@Index('ix_report_message_rollups_key', ['day', 'processKey', 'kind', 'status'])
export class ReportMessageRollupTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  /** Of the message's created_at. */
  @Column('integer') day!: number;
  /** The case's process; null for messages about no case. */
  @Column('varchar', { name: 'process_key', length: 100, nullable: true }) processKey!: string | null;
  @Column('varchar', { length: 20 }) kind!: string;
  @Column('varchar', { length: 20 }) status!: string;
  @Column('integer') count!: number;
}
