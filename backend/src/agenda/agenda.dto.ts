import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { iso } from '../common/time';
import { AgendaEntry, isOverdue } from './agenda-items';

export const MAX_AGENDA_DAYS = 62;

export class AgendaQueryDto {
  @ApiPropertyOptional({ example: '2026-12-07', description: 'First day (YYYY-MM-DD in your time zone); today when left out' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_AGENDA_DAYS, default: 14, description: 'How many days from `from`' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_AGENDA_DAYS)
  days?: number;
}

export class AgendaItemResponse {
  @ApiProperty({ enum: ['task', 'follow-up', 'to-do', 'event'] }) type!: AgendaEntry['type'];
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String, description: 'due time, or an event’s start' }) at!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'an event’s end' }) endAt!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() instanceId!: string;
  @ApiProperty({ nullable: true, type: String }) caseName!: string | null;
  @ApiProperty({ nullable: true, type: String }) processKey!: string | null;
  @ApiProperty({ example: '/tasks/…', description: 'where it is worked, in the UI' }) link!: string;
}

export class AgendaDay {
  @ApiProperty({ example: '2026-12-08' }) date!: string;
  @ApiProperty({ type: [AgendaItemResponse] }) items!: AgendaItemResponse[];
}

export class AgendaResponse {
  @ApiProperty({ example: 'Europe/London' }) timeZone!: string;
  @ApiProperty({ example: '2026-12-07' }) from!: string;
  @ApiProperty({ example: '2026-12-20', description: 'last day shown' }) to!: string;
  @ApiProperty({ type: [AgendaItemResponse], description: 'everything of yours past its time, whatever its date, oldest first' })
  overdue!: AgendaItemResponse[];
  @ApiProperty({ type: [AgendaDay], description: 'the days in the range that have something, in order' }) days!: AgendaDay[];
  @ApiProperty({ type: [AgendaItemResponse], description: 'tasks and to-dos of yours with no due time' }) undated!: AgendaItemResponse[];
}

export const toAgendaItemResponse = (entry: AgendaEntry, now: number): AgendaItemResponse => ({
  type: entry.type,
  id: entry.id,
  title: entry.title,
  at: iso(entry.at),
  endAt: iso(entry.endAt),
  overdue: isOverdue(entry, now),
  instanceId: entry.instanceId,
  caseName: entry.case?.caseName ?? null,
  processKey: entry.case?.processKey ?? null,
  link: entry.link,
});
