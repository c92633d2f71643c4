import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging';
import { iso } from '../common/time';
import type { DecisionDefinition, QueueTable, TaskField, TaskStatus, TaskTable } from '../database/tables';
import { TASK_STATUSES } from '../database/tables';

const KEY = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export class DecisionDto implements DecisionDefinition {
  @ApiProperty() @Matches(KEY, { message: 'key must be lowercase letters, digits, "-" or "_"' }) key!: string;
  @ApiProperty() @IsString() @Length(1, 100) label!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() commentRequired?: boolean;
}

export class TaskFieldDto implements TaskField {
  @ApiProperty() @Matches(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, { message: 'key must be an identifier' }) key!: string;
  @ApiProperty() @IsString() @Length(1, 200) label!: string;
  @ApiProperty({ enum: ['string', 'number', 'boolean', 'date'] }) @IsIn(['string', 'number', 'boolean', 'date']) type!: TaskField['type'];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() required?: boolean;
}

export class CreateTaskDto {
  @ApiProperty() @IsUUID() instanceId!: string;
  @ApiProperty({ description: 'Queue key or id' }) @IsString() @Length(1, 100) queue!: string;
  @ApiProperty() @IsString() @Length(1, 300) title!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20_000) instructions?: string;
  @ApiPropertyOptional({ type: [DecisionDto], description: "Defaults to the process's decisions." })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => DecisionDto)
  decisions?: DecisionDto[];
  @ApiPropertyOptional({ type: [TaskFieldDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => TaskFieldDto)
  fields?: TaskFieldDto[];
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) dueAt?: string;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(5_256_000) dueInMinutes?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 4, default: 2 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4) priority?: number;
  @ApiPropertyOptional({ description: "n8n's $execution.resumeUrl, passed on exactly as n8n gives it." })
  @IsOptional() @IsUrl({ require_tld: false, protocols: ['http', 'https'] }) @MaxLength(2000) resumeUrl?: string;
  @ApiPropertyOptional({
    maxLength: 100,
    description:
      'A key the caller makes up for this registration (Await Decision and Relative Delay send one per run). The same key sent again — a call retried because its answer was lost — returns the task it registered instead of registering another.',
  })
  @IsOptional() @IsString() @Length(1, 100)
  requestKey?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(KEY, { message: 'stageKey must be lowercase letters, digits, "-" or "_"' }) stageKey?: string;
}

export const TASK_SORTS = ['due', 'priority', 'age'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

const toList = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.split(',').filter(Boolean) : value);

export class ListTasksQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Queue key or id' }) @IsOptional() @IsString() @Length(1, 100) queue?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(KEY) processKey?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(KEY) stageKey?: string;
  @ApiPropertyOptional({ description: 'Comma-separated; default open,claimed' })
  @IsOptional() @Transform(toList) @IsIn(TASK_STATUSES, { each: true }) status?: TaskStatus[];
  @ApiPropertyOptional({ description: '"me", "unassigned" or a user id' }) @IsOptional() @IsString() @Length(1, 36) assignee?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(({ value }) => value === 'true' || value === true) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(4) priority?: number;
  @ApiPropertyOptional({ enum: TASK_SORTS }) @IsOptional() @IsIn(TASK_SORTS) sort?: TaskSort;
  @ApiPropertyOptional({ enum: ['asc', 'desc'] }) @IsOptional() @IsIn(['asc', 'desc']) order?: 'asc' | 'desc';
}

export class DecideTaskDto {
  @ApiProperty() @IsString() @Length(1, 100) decision!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) comment?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() fields?: Record<string, unknown>;
}

export class ReassignTaskDto {
  @ApiPropertyOptional({ description: 'Queue key or id' }) @IsOptional() @IsString() @Length(1, 100) queue?: string;
  @ApiPropertyOptional({ description: 'A user id, or null to unassign' }) @IsOptional() @IsUUID() assigneeId?: string;
}

export class CommentTaskDto {
  @ApiProperty() @IsString() @Length(1, 10_000) body!: string;
}

export type SlaState = 'none' | 'on_time' | 'at_risk' | 'breached';

export interface PersonRef {
  id: string;
  name: string | null;
  type?: string;
}

export interface TaskResponse {
  id: string;
  instanceId: string;
  processKey: string | null;
  stageKey: string | null;
  queue: { id: string; key: string; name: string } | null;
  assignee: PersonRef | null;
  title: string;
  instructions: string;
  decisions: DecisionDefinition[];
  fields: TaskField[];
  dueAt: string | null;
  priority: number;
  status: TaskStatus;
  decision: string | null;
  comment: string | null;
  captured: Record<string, unknown> | null;
  decidedBy: PersonRef | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
  sla: SlaState;
  /** When the case's current stage visit went past its stall threshold; null when it has not. */
  stalledAt: string | null;
}

/** At risk once three quarters of the time allowed has gone. */
export function slaState(task: Pick<TaskTable, 'dueAt' | 'createdAt' | 'status' | 'decidedAt'>, now: number): SlaState {
  if (task.dueAt === null) return 'none';
  const at = task.status === 'decided' && task.decidedAt !== null ? task.decidedAt : now;
  if (at > task.dueAt) return 'breached';
  const allowed = task.dueAt - task.createdAt;
  return allowed > 0 && task.dueAt - at < allowed / 4 ? 'at_risk' : 'on_time';
}

export interface TaskContext {
  now: number;
  processKeys: Map<string, string>;
  queues: Map<string, QueueTable>;
  people: Map<string, string>;
  /** Open cases that have stalled, by instance id. */
  stalled: Map<string, number>;
}

export function toTaskResponse(task: TaskTable, context: TaskContext): TaskResponse {
  const queue = context.queues.get(task.queueId);
  const person = (id: string | null): PersonRef | null => (id ? { id, name: context.people.get(id) ?? null } : null);
  return {
    id: task.id,
    instanceId: task.instanceId,
    processKey: context.processKeys.get(task.instanceId) ?? null,
    stageKey: task.stageKey,
    queue: queue ? { id: queue.id, key: queue.key, name: queue.name } : null,
    assignee: person(task.assigneeId),
    title: task.title,
    instructions: task.instructions,
    decisions: task.decisions,
    fields: task.fields,
    dueAt: iso(task.dueAt),
    priority: task.priority,
    status: task.status,
    decision: task.decision,
    comment: task.comment,
    captured: task.captured,
    decidedBy: person(task.decidedBy),
    decidedAt: iso(task.decidedAt),
    createdAt: iso(task.createdAt)!,
    updatedAt: iso(task.updatedAt)!,
    sla: slaState(task, context.now),
    stalledAt: iso(context.stalled.get(task.instanceId)),
  };
}
