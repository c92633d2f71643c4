import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ScopeCondition } from '../auth/case-scope';
import { MESSAGE_KINDS, MessageKind } from '../database/tables';

export const REPORTS = ['volume', 'caseload', 'time-in-stage', 'overdue', 'stalled', 'decisions', 'escalations', 'outcomes', 'messages'] as const;
export type ReportName = (typeof REPORTS)[number];

export class ReportQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) processKey?: string;

  @ApiPropertyOptional({ description: 'Created at or after (ISO)', example: '2026-11-01' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Created before (ISO); a date without a time includes that whole day', example: '2026-11-30' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ enum: MESSAGE_KINDS, description: 'Messages of this kind only (the messages report)' })
  @IsOptional() @IsIn(MESSAGE_KINDS)
  kind?: MessageKind;

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export interface ReportFilters {
  processKey: string | null;
  from: number | null;
  to: number | null;
  /** The messages report: one kind of message only. */
  kind?: MessageKind | null;
  /** Only the cases the caller may see (case-scope.ts); absent or null: all. */
  scope?: ScopeCondition | null;
}

export interface ReportResponse<Row> {
  report: ReportName;
  filters: { processKey: string | null; from: string | null; to: string | null; kind?: MessageKind | null };
  generatedAt: string;
  rows: Row[];
}

export interface VolumeRow {
  processKey: string;
  stageKey: string | null;
  status: string;
  count: number;
}

/**
 * Cases of a process by where they stand. A failed case needs attention: it is neither live work
 * (nothing moves it on by itself) nor closed.
 */
export interface CaseloadRow {
  processKey: string;
  /** active or waiting */
  live: number;
  /** failed: an execution failed or a resume was refused */
  needsAttention: number;
  completed: number;
  cancelled: number;
}

export interface TimeInStageRow {
  processKey: string;
  stageKey: string;
  stageName: string;
  count: number;
  avgMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
}

export interface OverdueRow {
  taskId: string;
  title: string;
  instanceId: string;
  processKey: string;
  stageKey: string | null;
  queue: { id: string; key: string; name: string };
  assigneeId: string | null;
  priority: number;
  status: string;
  dueAt: string;
  overdueMs: number;
}

export interface StalledRow {
  instanceId: string;
  processKey: string;
  stageKey: string | null;
  status: string;
  entity: { id: string; name: string };
  stalledAt: string;
  stalledForMs: number;
}

export interface DecisionRow {
  processKey: string;
  stageKey: string | null;
  decision: string;
  count: number;
  /** Share of the decisions made in this process and stage. */
  rate: number;
}

/** About the cases of the process started in the period. */
export interface EscalationRateRow {
  processKey: string;
  /** Every escalation of those cases: of the case itself (a stage ladder, Escalate on the case) or of one of its tasks. */
  escalations: number;
  cases: number;
  /** Cases escalated at least once, on the case or on any of its tasks. */
  escalatedCases: number;
  escalatedTasks: number;
  tasks: number;
  /** escalatedCases / cases */
  rate: number;
}

export interface OutcomeRow {
  processKey: string;
  outcome: string | null;
  count: number;
  /** Share of the completed instances of this process. */
  rate: number;
}

/** Messages written in the period, per process (null: messages about no case) and kind, by delivery status. */
export interface MessageReportRow {
  processKey: string | null;
  kind: MessageKind;
  sent: number;
  queued: number;
  failed: number;
  total: number;
}
