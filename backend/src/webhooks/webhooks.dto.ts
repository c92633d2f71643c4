import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { iso } from '../common/time';
import type { WebhookSubscriptionTable } from '../database/tables';

/** The events the Caseflow Trigger node can start a flow on. */
export const WEBHOOK_EVENTS = [
  'instance.launched',
  'stage.entered',
  'task.created',
  'task.overdue',
  'task.escalated',
  'instance.escalated',
  'task.decided',
  'instance.stalled',
  'instance.completed',
  'instance.cancelled',
  'instance.failed',
  'message.sent',
  'entity.created',
  'entity.updated',
] as const;
/** Every case event; record events (entity.*) are subscribed to by name, with their entity type. */
export const ALL_EVENTS = '*';

export class CreateWebhookDto {
  @ApiProperty({ type: [String], enum: [...WEBHOOK_EVENTS, ALL_EVENTS], example: ['task.decided'] })
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(20) @IsIn([...WEBHOOK_EVENTS, ALL_EVENTS], { each: true })
  events!: string[];

  @ApiProperty({ example: 'http://localhost:5678/webhook/abc' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }) @MaxLength(2000)
  targetUrl!: string;

  @ApiPropertyOptional({ description: 'Only events of instances of this process' })
  @IsOptional() @IsString() @MaxLength(100)
  processKey?: string;

  @ApiPropertyOptional({ description: 'Record events (entity.created, entity.updated) only of this entity type; required with them', example: 'courseDate' })
  @IsOptional() @IsString() @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional({
    description: 'Record events only when this field changed: name, email, managerEmail, an attribute key (status = attributes.status) or attributes.a.b',
    example: 'status',
  })
  @IsOptional() @IsString() @MaxLength(200)
  field?: string;

  @ApiPropertyOptional({
    description: 'With field: only when the field becomes this value (strings as they are, other JSON values as their JSON text)',
    example: 'Completed',
  })
  @IsOptional() @IsString() @MaxLength(500)
  value?: string;
}

export interface WebhookResponse {
  id: string;
  events: string[];
  targetUrl: string;
  processKey: string | null;
  entityType: string | null;
  /** Canonical: `status` is answered as `attributes.status`. */
  field: string | null;
  value: string | null;
  createdAt: string;
}

export const toWebhookResponse = (row: WebhookSubscriptionTable): WebhookResponse => ({
  id: row.id,
  events: row.events,
  targetUrl: row.targetUrl,
  processKey: row.processKey,
  entityType: row.entityType,
  field: row.field,
  value: row.value,
  createdAt: iso(row.createdAt)!,
});
