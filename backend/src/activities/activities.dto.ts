import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, MaxLength, ValidateIf } from 'class-validator';
import { iso } from '../common/time';
import { ACTIVITY_KINDS, ACTIVITY_STATUSES, ActivityKind, ActivityStatus, ActivityTable } from '../database/tables';

const WHEN = 'ISO 8601 instant, e.g. 2026-12-09T10:00:00Z or 2026-12-09T10:00:00+01:00';

export class CreateActivityDto {
  @ApiProperty({ enum: ACTIVITY_KINDS, description: 'follow-up: due at a time; to-do: due at a time or whenever; event: from startAt to endAt' })
  @IsIn(ACTIVITY_KINDS)
  kind!: ActivityKind;

  @ApiProperty({ example: 'Call the student back' }) @IsString() @Length(1, 200) title!: string;
  @ApiPropertyOptional({ example: 'Ask about the missing transcript' }) @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @ApiPropertyOptional({ description: `When it is due (follow-up: required; to-do: optional). ${WHEN}` })
  @IsOptional() @IsISO8601({ strict: true })
  dueAt?: string;

  @ApiPropertyOptional({ description: `An event's start. ${WHEN}` }) @IsOptional() @IsISO8601({ strict: true }) startAt?: string;
  @ApiPropertyOptional({ description: `An event's end, after its start. ${WHEN}` }) @IsOptional() @IsISO8601({ strict: true }) endAt?: string;
  @ApiPropertyOptional({ description: 'The person it is for (an active user); yourself when left out' })
  @IsOptional() @IsUUID()
  assigneeId?: string;
}

/** Moving or handing on an open activity: what is left out stays; `dueAt: null` takes a to-do's due time away. */
export class UpdateActivityDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) title?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) note?: string;
  @ApiPropertyOptional({ nullable: true, description: WHEN }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsISO8601({ strict: true }) dueAt?: string | null;
  @ApiPropertyOptional({ description: WHEN }) @IsOptional() @IsISO8601({ strict: true }) startAt?: string;
  @ApiPropertyOptional({ description: WHEN }) @IsOptional() @IsISO8601({ strict: true }) endAt?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
}

export interface PersonRef {
  id: string;
  name: string | null;
}

export class ActivityResponse {
  @ApiProperty() id!: string;
  @ApiProperty() instanceId!: string;
  @ApiProperty({ enum: ACTIVITY_KINDS }) kind!: ActivityKind;
  @ApiProperty() title!: string;
  @ApiProperty() note!: string;
  @ApiProperty({ nullable: true, type: String }) dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) startAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) endAt!: string | null;
  @ApiProperty({ enum: ACTIVITY_STATUSES }) status!: ActivityStatus;
  @ApiProperty({ description: 'open and past its due time (an event: past its end)' }) overdue!: boolean;
  @ApiProperty() assignee!: PersonRef;
  @ApiProperty({ nullable: true }) createdBy!: PersonRef | null;
  @ApiProperty({ nullable: true }) completedBy!: PersonRef | null;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toActivityResponse(row: ActivityTable, names: Map<string, string>, now: number): ActivityResponse {
  const person = (id: string | null): PersonRef | null => (id ? { id, name: names.get(id) ?? null } : null);
  const deadline = row.endAt ?? row.dueAt;
  return {
    id: row.id,
    instanceId: row.instanceId,
    kind: row.kind,
    title: row.title,
    note: row.note,
    dueAt: iso(row.dueAt),
    startAt: iso(row.startAt),
    endAt: iso(row.endAt),
    status: row.status,
    overdue: row.status === 'open' && deadline !== null && deadline < now,
    assignee: person(row.assigneeId)!,
    createdBy: person(row.createdBy),
    completedBy: person(row.completedBy),
    completedAt: iso(row.completedAt),
    createdAt: iso(row.createdAt)!,
    updatedAt: iso(row.updatedAt)!,
  };
}
