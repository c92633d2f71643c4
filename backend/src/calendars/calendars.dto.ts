import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsObject, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { iso } from '../common/time';
import type { CalendarTable, WorkingHours } from '../database/tables';
import { KEY_PATTERN } from '../queues/queues.dto';

const WORKING_HOURS_EXAMPLE = {
  mon: [['09:00', '17:00']],
  tue: [['09:00', '17:00']],
  wed: [['09:00', '17:00']],
  thu: [['09:00', '17:00']],
  fri: [['09:00', '17:00']],
  sat: [],
  sun: [],
};

/**
 * workingHours and holidays are checked in calendar-rules.ts rather than here: class-validator
 * cannot name the offending element (`workingHours.tue[0]`), and admins need to see which one.
 */
export class CreateCalendarDto {
  @ApiProperty({ example: 'uk-office' })
  @IsString()
  @Matches(KEY_PATTERN, { message: 'key must be a lowercase slug: a-z, 0-9, "-" or "_", at most 100 characters' })
  key!: string;

  @ApiProperty({ example: 'UK office hours' }) @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 'Europe/London', description: 'IANA time zone' }) @IsString() @MaxLength(100)
  timeZone!: string;

  @ApiProperty({ example: WORKING_HOURS_EXAMPLE, description: 'mon..sun, each a list of ["HH:MM","HH:MM"]; "24:00" may end a day' })
  @IsObject()
  workingHours!: Record<string, unknown>;

  @ApiPropertyOptional({ example: ['2026-12-25'], type: [String] }) @IsOptional() @IsArray()
  holidays?: unknown[];
}

export class UpdateCalendarDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100)
  timeZone?: string;

  @ApiPropertyOptional({ example: WORKING_HOURS_EXAMPLE }) @IsOptional() @IsObject()
  workingHours?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray()
  holidays?: unknown[];
}

export interface CalendarResponse {
  id: string;
  key: string;
  name: string;
  timeZone: string;
  workingHours: WorkingHours;
  holidays: string[];
  createdAt: string;
  updatedAt: string;
}

export const toCalendarResponse = (row: CalendarTable): CalendarResponse => ({
  id: row.id,
  key: row.key,
  name: row.name,
  timeZone: row.timeZone,
  workingHours: row.workingHours,
  holidays: row.holidays,
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
});
