import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/paging';
import { iso } from '../common/time';
import type { OutboxStatus, OutboxTable } from '../database/tables';

export class ListOutboxQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'dead'] })
  @IsOptional() @IsIn(['pending', 'delivered', 'dead'])
  status?: OutboxStatus;
}

export interface DeliveryResponse {
  id: string;
  kind: string;
  target: string | null;
  instanceId: string | null;
  status: OutboxStatus;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** The target is shown only as its origin: a resume URL is a capability, not for display. */
export const toDeliveryResponse = (row: OutboxTable): DeliveryResponse => ({
  id: row.id,
  kind: row.kind,
  target: row.target ? new URL(row.target).origin : null,
  instanceId: row.instanceId,
  status: row.status,
  attempts: row.attempts,
  maxAttempts: row.maxAttempts,
  lastError: row.lastError,
  createdAt: iso(row.createdAt)!,
  nextAttemptAt: row.status === 'pending' ? iso(row.nextAttemptAt) : null,
  deliveredAt: iso(row.deliveredAt),
});
