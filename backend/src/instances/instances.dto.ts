import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging';
import { DocumentFileDto } from '../documents/documents.dto';
import { iso } from '../common/time';
import type { EntityTable, InstanceFailure, InstanceStatus, InstanceTable, StageVisitTable } from '../database/tables';
import { INSTANCE_STATUSES } from '../database/tables';
import type { RelationsInput } from '../entities/entity-relations';

const KEY = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const KEY_MESSAGE = 'must be lowercase letters, digits, "-" or "_"';

export class LaunchEntityDto {
  @ApiProperty() @IsString() @Length(1, 50) type!: string;
  @ApiProperty() @IsString() @Length(1, 200) externalId!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 300) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() email?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsEmail() managerEmail?: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() attributes?: Record<string, unknown>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { courseDate: { type: 'courseDate', externalId: 'CD-2027-03-JAVA' } },
    description: 'Named links to other records, which must exist (400 naming entity.relations.<name> otherwise): name → { type, externalId } or { id }; null removes it.',
  })
  @IsOptional() @IsObject()
  relations?: RelationsInput;
}

export class LaunchInstanceDto {
  @ApiProperty({ example: 'bookings' }) @IsString() @Matches(KEY, { message: `processKey ${KEY_MESSAGE}` }) processKey!: string;
  @ApiPropertyOptional({ type: LaunchEntityDto }) @IsOptional() @ValidateNested() @Type(() => LaunchEntityDto) entity?: LaunchEntityDto;
  @ApiPropertyOptional() @IsOptional() @IsUUID() entityId?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The case data. With the entity, it must satisfy the process intake, or the launch is refused with 400 before anything is written.',
  })
  @IsOptional() @IsObject()
  data?: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'The same key for the same process returns the same instance (200).' })
  @IsOptional() @IsString() @Length(1, 200) idempotencyKey?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(KEY, { message: `stageKey ${KEY_MESSAGE}` }) stageKey?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) n8nExecutionId?: string;
  @ApiPropertyOptional({ description: 'Attach to an instance the UI already created.' }) @IsOptional() @IsUUID() instanceId?: string;

  @ApiPropertyOptional({
    type: [DocumentFileDto],
    description:
      'Files stored on the new case (source intake, kind intake unless given), each checked before anything is written. A file with field data.x answers the intake field data.x, and data.x is set to { documentId, name, contentType, size }. Ignored when the launch finds an existing case.',
  })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => DocumentFileDto)
  documents?: DocumentFileDto[];
}

export class ListInstancesQuery extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(KEY, { message: `processKey ${KEY_MESSAGE}` }) processKey?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(KEY, { message: `stageKey ${KEY_MESSAGE}` }) stageKey?: string;
  @ApiPropertyOptional({ enum: INSTANCE_STATUSES }) @IsOptional() @IsIn(INSTANCE_STATUSES) status?: InstanceStatus;
  @ApiPropertyOptional() @IsOptional() @IsUUID() entityId?: string;
  @ApiPropertyOptional({ description: 'Only instances whose current stage is past its SLA.' })
  @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() overdue?: boolean;

  @ApiPropertyOptional({ example: 'booking', description: 'With externalId: only the cases of that entity. An unknown entity gives an empty page.' })
  @IsOptional() @IsString() @Length(1, 50)
  entityType?: string;

  @ApiPropertyOptional({ example: 'B-1', description: 'With entityType: the entity\'s id in its own system.' })
  @IsOptional() @IsString() @Length(1, 200)
  externalId?: string;

  @ApiPropertyOptional({ description: 'With processKey: the case a launch with this idempotency key started (at most one).' })
  @IsOptional() @IsString() @Length(1, 200)
  idempotencyKey?: string;

  @ApiPropertyOptional({ description: 'true: only open cases (active, waiting, failed); false: only closed ones (completed, cancelled).' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean({ message: 'open must be true or false' })
  open?: boolean;
}

export class UpdateDataDto {
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() data!: Record<string, unknown>;
}

export class MoveStageDto {
  @ApiProperty() @Matches(KEY, { message: `stageKey ${KEY_MESSAGE}` }) stageKey!: string;
  @ApiPropertyOptional({ description: 'Queue key or id; defaults to the stage\'s owner queue.' }) @IsOptional() @IsString() @Length(1, 100) ownerQueue?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() assigneeId?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(525_600) slaMinutes?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class CompleteInstanceDto {
  @ApiProperty({ example: 'approved' }) @IsString() @Length(1, 100) outcome!: string;
}

export class CancelInstanceDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export interface EntitySummary {
  id: string;
  type: string;
  externalId: string;
  name: string;
  email: string | null;
  managerEmail: string | null;
  attributes: Record<string, unknown>;
}

export interface InstanceResponse {
  id: string;
  processKey: string;
  processVersion: number;
  status: InstanceStatus;
  currentStage: { key: string; name: string; enteredAt: string; slaDueAt: string | null } | null;
  outcome: string | null;
  data: Record<string, unknown>;
  entity: EntitySummary | null;
  n8nExecutionId: string | null;
  idempotencyKey: string | null;
  stalledAt: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** Why a `failed` case needs attention (n8n's error or its refusal of a resume); null otherwise. */
  failure: (Omit<InstanceFailure, 'at' | 'deliveryId'> & { at: string }) | null;
}

/** POST /instances: the case, and what the launch did (see LaunchOutcome). */
export interface LaunchResponse extends InstanceResponse {
  launch: 'created' | 'attached' | 'existing';
}

export interface StageVisitResponse {
  id: string;
  stageKey: string;
  stageName: string;
  ownerQueue: { id: string; key: string; name: string } | null;
  assigneeId: string | null;
  note: string | null;
  enteredAt: string;
  exitedAt: string | null;
  durationMs: number | null;
  slaDueAt: string | null;
  slaPaused: boolean;
  breached: boolean;
}

export const toEntitySummary = (entity: EntityTable): EntitySummary => ({
  id: entity.id,
  type: entity.type,
  externalId: entity.externalId,
  name: entity.name,
  email: entity.email,
  managerEmail: entity.managerEmail,
  attributes: entity.attributes,
});

export function toInstanceResponse(
  instance: InstanceTable,
  entity: EntityTable | null,
  openVisit: StageVisitTable | null,
): InstanceResponse {
  return {
    id: instance.id,
    processKey: instance.processKey,
    processVersion: instance.processVersion,
    status: instance.status,
    currentStage: openVisit
      ? { key: openVisit.stageKey, name: openVisit.stageName, enteredAt: iso(openVisit.enteredAt)!, slaDueAt: iso(openVisit.slaDueAt) }
      : null,
    outcome: instance.outcome,
    data: instance.data,
    entity: entity ? toEntitySummary(entity) : null,
    n8nExecutionId: instance.n8nExecutionId,
    idempotencyKey: instance.idempotencyKey,
    stalledAt: iso(instance.stalledAt),
    createdAt: iso(instance.createdAt)!,
    updatedAt: iso(instance.updatedAt)!,
    closedAt: iso(instance.closedAt),
    failure: instance.failure ? toFailureResponse(instance.failure) : null,
  };
}

export function toStageVisitResponse(
  visit: StageVisitTable,
  queues: Map<string, { id: string; key: string; name: string }>,
): StageVisitResponse {
  return {
    id: visit.id,
    stageKey: visit.stageKey,
    stageName: visit.stageName,
    ownerQueue: visit.ownerQueueId ? (queues.get(visit.ownerQueueId) ?? null) : null,
    assigneeId: visit.assigneeId,
    note: visit.note,
    enteredAt: iso(visit.enteredAt)!,
    exitedAt: iso(visit.exitedAt),
    durationMs: visit.exitedAt === null ? null : visit.exitedAt - visit.enteredAt,
    slaDueAt: iso(visit.slaDueAt),
    slaPaused: visit.slaPausedAt !== null,
    breached: visit.breached,
  };
}

const toFailureResponse = ({ message, node, executionId, workflowId, executionUrl, source, at }: InstanceFailure): InstanceResponse['failure'] => ({
  message,
  node,
  executionId,
  workflowId,
  executionUrl,
  source,
  at: iso(at)!,
});
