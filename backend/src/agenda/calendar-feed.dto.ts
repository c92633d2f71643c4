import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { iso } from '../common/time';
import type { CalendarFeedTable } from '../database/tables';

export class CalendarFeedResponse {
  @ApiProperty() active!: boolean;
  @ApiPropertyOptional({ description: 'the secret feed URL: only in the answer that created it' }) url?: string;
  @ApiProperty({ nullable: true, type: String }) createdAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when a calendar last fetched it' }) lastUsedAt!: string | null;
}

export const toCalendarFeedResponse = (row: CalendarFeedTable | null, url?: string): CalendarFeedResponse => ({
  active: row !== null,
  ...(url ? { url } : {}),
  createdAt: iso(row?.createdAt),
  lastUsedAt: iso(row?.lastUsedAt),
});
