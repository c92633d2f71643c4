import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsTimeZone, Matches, ValidateNested } from 'class-validator';
import { NOTIFICATION_KINDS, NOTIFICATION_MODES, NotificationKind, NotificationMode, NotificationPreferenceTable, UserTable } from '../database/tables';
import { DEFAULT_DIGEST_TIME, DIGEST_TIME } from './digest-time';

const MODE = { enum: NOTIFICATION_MODES, description: 'each: an email per event; digest: a line in the daily digest; off: nothing' };

/** One property per kind, spelled as the events are; a kind left out keeps its current choice. */
export class NotificationModesDto {
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(NOTIFICATION_MODES) 'task.created'?: NotificationMode;
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(NOTIFICATION_MODES) 'task.assigned'?: NotificationMode;
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(NOTIFICATION_MODES) 'task.reminder'?: NotificationMode;
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(NOTIFICATION_MODES) 'instance.stalled'?: NotificationMode;
  @ApiPropertyOptional(MODE) @IsOptional() @IsIn(NOTIFICATION_MODES) 'activity.assigned'?: NotificationMode;
}

export class UpdateNotificationPreferencesDto {
  @ApiPropertyOptional({ example: 'Europe/London', description: 'IANA time zone the digest time is read in' })
  @IsOptional() @IsTimeZone({ message: '$property must be an IANA time zone such as Europe/London' })
  timeZone?: string;

  @ApiPropertyOptional({ example: '08:00', description: 'Local time (HH:mm) of the daily digest' })
  @IsOptional() @Matches(DIGEST_TIME, { message: '$property must be a time of day as HH:mm, 00:00 to 23:59' })
  digestTime?: string;

  @ApiPropertyOptional({ type: NotificationModesDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => NotificationModesDto)
  kinds?: NotificationModesDto;
}

export class NotificationPreferencesResponse {
  @ApiProperty({ example: 'Europe/London' }) timeZone!: string;
  @ApiProperty({ example: '08:00' }) digestTime!: string;
  @ApiProperty({ type: NotificationModesDto }) kinds!: Record<NotificationKind, NotificationMode>;
}

export function toNotificationPreferencesResponse(user: UserTable, rows: NotificationPreferenceTable[]): NotificationPreferencesResponse {
  const chosen = new Map(rows.map((row) => [row.kind, row.mode]));
  const kinds = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, chosen.get(kind) ?? 'each'])) as Record<NotificationKind, NotificationMode>;
  return { timeZone: user.timeZone ?? 'UTC', digestTime: user.digestTime ?? DEFAULT_DIGEST_TIME, kinds };
}
