import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/paging';
import type { QueueTable, UserRole, UserTable } from '../database/tables';

/** Keys appear in process definitions and URLs, so they stay plain lowercase slugs. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const KEY_MESSAGE = 'must be a lowercase slug: a-z, 0-9, "-" or "_", starting with a letter or digit, at most 100 characters';

export class CreateQueueDto {
  @ApiProperty({ example: 'academic' }) @IsString() @Matches(KEY_PATTERN, { message: `key ${KEY_MESSAGE}` })
  key!: string;

  @ApiProperty({ example: 'Academic department' }) @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ description: 'Business calendar for SLAs of this queue' }) @IsOptional() @IsString() @MaxLength(100)
  calendarKey?: string;

  @ApiPropertyOptional({ description: 'Where escalations go when a ladder step names no target' })
  @IsOptional() @IsString() @MaxLength(100)
  supervisorQueueKey?: string;
}

/** The key never changes: process definitions refer to queues by key. `null` clears an optional link. */
export class UpdateQueueDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200)
  name?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(100)
  calendarKey?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(100)
  supervisorQueueKey?: string | null;
}

export class ListQueuesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only the queues the signed-in user belongs to' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  mine?: boolean;
}

export interface QueueRef {
  id: string;
  key: string;
  name: string;
}

export interface QueueResponse extends QueueRef {
  description: string;
  calendarKey: string | null;
  supervisorQueueKey: string | null;
  memberCount: number;
}

export interface QueueMemberResponse {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  active: boolean;
}

export const toQueueRef = (row: QueueTable): QueueRef => ({ id: row.id, key: row.key, name: row.name });

export const toQueueResponse = (row: QueueTable, memberCount: number): QueueResponse => ({
  ...toQueueRef(row),
  description: row.description,
  calendarKey: row.calendarKey,
  supervisorQueueKey: row.supervisorQueueKey,
  memberCount,
});

export const toQueueMemberResponse = (user: UserTable): QueueMemberResponse => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  active: user.active,
});
