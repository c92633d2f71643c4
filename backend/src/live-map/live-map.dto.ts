import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';

export class LiveMapQueryDto {
  @ApiPropertyOptional({ description: 'Only cases of this version; all versions of the key when absent', minimum: 1 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1_000_000)
  version?: number;

  @ApiPropertyOptional({ description: 'Start of the period (ISO, UTC without an offset); default: 30 days before `to`', example: '2026-11-01' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'End of the period, exclusive (ISO); a date without a time includes that whole day; default: now', example: '2026-11-30' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

/** One stage of the map: where cases stand now, and the traffic of the period. */
export interface LiveMapStage {
  stageKey: string;
  /** Cases whose current stage this is and that are not closed (active, waiting or failed). */
  open: number;
  /** Undecided tasks of this stage past their due time (the overdue report). */
  overdue: number;
  /** Live cases in this stage flagged as stalled (the stalled report). */
  stalled: number;
  /** Open cases still in this stage after its SLA breached. */
  breached: number;
  /** Visits to this stage that began in the period. */
  entered: number;
  /** Of those, the visits that have ended; the time-in-stage figures are over these. */
  left: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
}

export interface LiveMapDecision {
  stageKey: string;
  decision: string;
  count: number;
  /** Of all the decisions made in this stage in the period, 0..1. */
  share: number;
}

export interface LiveMapResponse {
  processKey: string;
  version: number | null;
  from: string;
  to: string;
  generatedAt: string;
  stages: LiveMapStage[];
  decisions: LiveMapDecision[];
  /** Cases completed in the period, by outcome. */
  outcomes: Array<{ outcome: string | null; count: number }>;
  /** Where every case of the process stands now, whatever the period. */
  totals: { open: number; completed: number; cancelled: number };
}
