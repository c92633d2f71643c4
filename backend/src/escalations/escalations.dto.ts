import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/paging';
import { iso } from '../common/time';
import type { EscalationTable, QueueTable, UserTable } from '../database/tables';
import { TEMPLATE_KEY } from '../messages/message-templates.dto';

export class CreateEscalationDto {
  @ApiPropertyOptional({ description: 'The task to escalate' }) @IsOptional() @IsUUID() taskId?: string;

  @ApiPropertyOptional({ description: 'Without taskId: escalates the open task of the instance with the highest priority, oldest first' })
  @IsOptional() @IsUUID()
  instanceId?: string;

  @ApiPropertyOptional({ description: 'Queue key or id to move the task to' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  toQueue?: string;

  @ApiPropertyOptional({ description: 'User id or email to assign the task to' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(320)
  toUser?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, description: '1 low … 4 urgent; never lower than the current one' })
  @IsOptional() @IsInt() @Min(1) @Max(4)
  priority?: number;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;

  @ApiPropertyOptional({ description: 'Message template sent to the target user or queue' })
  @IsOptional() @IsString() @MaxLength(100) @Matches(TEMPLATE_KEY)
  notifyTemplate?: string;
}

export class ListEscalationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() instanceId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() taskId?: string;
}

export interface QueueSummary {
  id: string;
  key: string;
  name: string;
}

export interface UserSummary {
  id: string;
  name: string;
}

export interface EscalationResponse {
  id: string;
  instanceId: string;
  taskId: string | null;
  ladderStep: number | null;
  action: 'notify' | 'escalate';
  reason: string;
  fromQueue: QueueSummary | null;
  toQueue: QueueSummary | null;
  fromUser: UserSummary | null;
  toUser: UserSummary | null;
  priority: number | null;
  actor: string;
  /** The notice sent with the escalation, if any (only on the response to POST). */
  messageId?: string | null;
  createdAt: string;
}

/** Queues and users named by escalations, loaded once per response. */
export interface EscalationNames {
  queues: Map<string, QueueTable>;
  users: Map<string, UserTable>;
}

const queueSummary = (id: string | null, names: EscalationNames): QueueSummary | null => {
  const queue = id ? names.queues.get(id) : undefined;
  return id ? { id, key: queue?.key ?? '', name: queue?.name ?? '' } : null;
};

const userSummary = (id: string | null, names: EscalationNames): UserSummary | null =>
  id ? { id, name: names.users.get(id)?.name ?? '' } : null;

export const toEscalationResponse = (row: EscalationTable, names: EscalationNames): EscalationResponse => ({
  id: row.id,
  instanceId: row.instanceId,
  taskId: row.taskId,
  ladderStep: row.ladderStep,
  action: row.action,
  reason: row.reason,
  fromQueue: queueSummary(row.fromQueueId, names),
  toQueue: queueSummary(row.toQueueId, names),
  fromUser: userSummary(row.fromUserId, names),
  toUser: userSummary(row.toUserId, names),
  priority: row.priority,
  actor: row.actor,
  createdAt: iso(row.createdAt)!,
});
