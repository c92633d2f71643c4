import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging';
import { iso } from '../common/time';
import { OffsetUnit, TIMER_STATUSES, TimerOffset, TimerStatus, TimerTable } from '../database/tables';

export const IF_PAST = ['resume', 'report'] as const;
export type IfPast = (typeof IF_PAST)[number];

export const OFFSET_UNITS: OffsetUnit[] = ['minutes', 'hours', 'days', 'businessDays', 'weeks', 'months'];

export class OffsetDto {
  @ApiProperty({ description: 'Negative for "before the anchor"', example: -14 })
  @IsInt() @Min(-1_000_000) @Max(1_000_000)
  amount!: number;

  @ApiProperty({ enum: OFFSET_UNITS }) @IsIn(OFFSET_UNITS) unit!: OffsetUnit;
}

export class CreateTimerDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() instanceId?: string;

  @ApiPropertyOptional({ example: 'data.courseStart', description: 'data.<path>, entity.attributes.<path>, entity.<column> or instance.createdAt' })
  @IsOptional() @IsString() @MaxLength(200)
  anchorField?: string;

  @ApiPropertyOptional({ example: '2026-05-01T09:00:00Z', description: 'ISO date or date-time; without an offset it is local to timeZone' })
  @IsOptional() @IsString() @MaxLength(40)
  anchorAt?: string;

  @ApiProperty({ type: OffsetDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => OffsetDto) offset!: OffsetDto;

  @ApiPropertyOptional({ example: '09:00' })
  @IsOptional() @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'timeOfDay must be HH:MM (24-hour)' })
  timeOfDay?: string;

  @ApiPropertyOptional({ example: 'Europe/London' }) @IsOptional() @IsTimeZone() timeZone?: string;

  @ApiPropertyOptional({ description: 'Business calendar for businessDays' })
  @IsOptional() @IsString() @MaxLength(100)
  calendarKey?: string;

  @ApiPropertyOptional({ description: "n8n's $execution.resumeUrl, kept exactly as given and never shown again" })
  @IsOptional() @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @MaxLength(2000)
  resumeUrl?: string;

  @ApiPropertyOptional({
    maxLength: 100,
    description:
      'A key the caller makes up for this registration (Await Decision and Relative Delay send one per run). The same key sent again — a call retried because its answer was lost — returns the timer it registered instead of registering another.',
  })
  @IsOptional() @IsString() @Length(1, 100)
  requestKey?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(300) label?: string;

  @ApiPropertyOptional({
    enum: IF_PAST,
    default: 'resume',
    description:
      'When the fire time has already passed at registration: "resume" calls the resume URL at once with late=true; "report" only answers status "past" and calls nobody (the caller goes on by itself). Either way the timer is "past".',
  })
  @IsOptional() @IsIn(IF_PAST)
  ifPast?: IfPast;

  @ApiPropertyOptional({
    description:
      'When the fire time is less than this many milliseconds away, the caller waits in its own process: the timer is kept (it shows on the case and fires) but resumes nobody. Answered with inProcess=true.',
    example: 60000,
  })
  @IsOptional() @IsInt() @Min(0) @Max(300_000)
  inProcessBelowMs?: number;
}

export class ListTimersQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() instanceId?: string;
  @ApiPropertyOptional({ enum: TIMER_STATUSES }) @IsOptional() @IsIn(TIMER_STATUSES) status?: TimerStatus;
}

export interface TimerResponse {
  id: string;
  instanceId: string | null;
  anchorField: string | null;
  anchorAt: string;
  offset: TimerOffset;
  timeOfDay: string | null;
  timeZone: string | null;
  calendarKey: string | null;
  fireAt: string;
  status: TimerStatus;
  label: string;
  /** The fire time had passed when it was registered or when its anchor moved (status "past"). */
  alreadyDue: boolean;
  /** It will fire without resuming anybody: its execution waits in-process (see inProcessBelowMs). */
  inProcess: boolean;
  /** Its anchor moved at least once, and its fire time with it; movedAt says when last. */
  moved: boolean;
  movedAt: string | null;
  createdAt: string;
  /** When it fired, or when it was found past. */
  firedAt: string | null;
}

/** The resume URL is a capability to continue an n8n execution, so it never leaves the backend. */
export const toTimerResponse = (row: TimerTable, now: number): TimerResponse => ({
  id: row.id,
  instanceId: row.instanceId,
  anchorField: row.anchorField,
  anchorAt: iso(row.anchorAt)!,
  offset: row.offset,
  timeOfDay: row.timeOfDay,
  timeZone: row.timeZone,
  calendarKey: row.calendarKey,
  fireAt: iso(row.fireAt)!,
  status: row.status,
  label: row.label,
  alreadyDue: row.status === 'past' || (row.status === 'pending' && row.fireAt <= now),
  inProcess: row.resumeUrl === null,
  moved: row.movedAt !== null,
  movedAt: iso(row.movedAt),
  createdAt: iso(row.createdAt)!,
  firedAt: iso(row.firedAt),
});
