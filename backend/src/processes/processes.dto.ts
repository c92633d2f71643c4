import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, IntersectionType, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging';
import { iso } from '../common/time';
import type { DecisionDefinition, IntakeField, ProcessStatus, ProcessTable, StageDefinition } from '../database/tables';
import { DecisionDto, IntakeFieldDto, SLUG, SLUG_MESSAGE, StageDto } from './process-definition.dto';
import type { FlowProblem, ProcessFlow } from './process-flow';

/** Lets a field be left out while still refusing an explicit null (the column is NOT NULL). */
const UnlessAbsent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
/** n8n often runs on a host without a public domain (localhost, a container name). */
const WEBHOOK_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

const NameRules = () => applyDecorators(IsString(), Length(1, 200));
const DescriptionRules = () => applyDecorators(IsString(), MaxLength(5000));
const EntityTypesRules = () =>
  applyDecorators(IsArray(), ArrayMinSize(1), ArrayMaxSize(50), IsString({ each: true }), Length(1, 50, { each: true }));
const StagesRules = () =>
  applyDecorators(IsArray(), ArrayMinSize(1), ArrayMaxSize(100), ValidateNested({ each: true }), Type(() => StageDto));
const DecisionsRules = () => applyDecorators(IsArray(), ArrayMaxSize(50), ValidateNested({ each: true }), Type(() => DecisionDto));
const IntakeRules = () =>
  applyDecorators(IsArray(), ArrayMaxSize(100), ValidateNested({ each: true }), Type(() => IntakeFieldDto));
const INTAKE_DOC: ApiPropertyOptions = {
  type: [IntakeFieldDto],
  maxItems: 100,
  description: 'The data a launch must bring; launches that lack it are refused with 400 before anything is written. Empty: no checks.',
};
/** Only "an object" here: steps differ by kind, which flow-shape.ts checks field by field (flow.steps[3].queue …). */
const FlowRules = () => applyDecorators(IsOptional(), IsObject({ message: 'flow must be an object with steps and links, or null' }));
const FLOW_DOC: ApiPropertyOptions = {
  type: Object,
  nullable: true,
  description: 'The designed steps and links (docs/designer.md, "The flow of a process"). Left out: kept; null: removed.',
};
const CalendarKeyRules = () => applyDecorators(IsOptional(), IsString(), Length(1, 100));
const WebhookRules = () =>
  applyDecorators(IsOptional(), IsUrl(WEBHOOK_URL, { message: 'launchWebhookUrl must be an http(s) URL' }), MaxLength(2000));

export class CreateProcessDto {
  @ApiProperty({ example: 'student-referral' }) @Matches(SLUG, { message: SLUG_MESSAGE }) key!: string;
  @ApiProperty() @NameRules() name!: string;
  @ApiPropertyOptional() @UnlessAbsent() @DescriptionRules() description?: string;
  @ApiProperty({ type: [String], example: ['student'] }) @EntityTypesRules() entityTypes!: string[];
  @ApiProperty({ type: [StageDto] }) @StagesRules() stages!: StageDto[];
  @ApiPropertyOptional({ type: [DecisionDto] }) @UnlessAbsent() @DecisionsRules() decisions?: DecisionDto[];
  @ApiPropertyOptional(INTAKE_DOC) @UnlessAbsent() @IntakeRules() intake?: IntakeFieldDto[];
  @ApiPropertyOptional({ nullable: true, description: 'Default business calendar of the stages' }) @CalendarKeyRules() calendarKey?: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'n8n webhook that runs the flow when a case is started from the UI' })
  @WebhookRules()
  launchWebhookUrl?: string | null;

  @ApiPropertyOptional(FLOW_DOC) @FlowRules() flow?: ProcessFlow | null;
}

/** Every field of a create but the key; what is left out stays as it is, null clears a nullable field. */
export class UpdateProcessDto {
  @ApiPropertyOptional() @UnlessAbsent() @NameRules() name?: string;
  @ApiPropertyOptional() @UnlessAbsent() @DescriptionRules() description?: string;
  @ApiPropertyOptional({ type: [String] }) @UnlessAbsent() @EntityTypesRules() entityTypes?: string[];
  @ApiPropertyOptional({ type: [StageDto] }) @UnlessAbsent() @StagesRules() stages?: StageDto[];
  @ApiPropertyOptional({ type: [DecisionDto] }) @UnlessAbsent() @DecisionsRules() decisions?: DecisionDto[];
  @ApiPropertyOptional(INTAKE_DOC) @UnlessAbsent() @IntakeRules() intake?: IntakeFieldDto[];
  @ApiPropertyOptional({ nullable: true }) @CalendarKeyRules() calendarKey?: string | null;
  @ApiPropertyOptional({ nullable: true }) @WebhookRules() launchWebhookUrl?: string | null;
  @ApiPropertyOptional(FLOW_DOC) @FlowRules() flow?: ProcessFlow | null;
}

/** What POST /processes/check reads: a whole definition as POST /processes takes it, the key optional. */
export class CheckProcessDto extends IntersectionType(OmitType(CreateProcessDto, ['key'] as const), PartialType(PickType(CreateProcessDto, ['key'] as const))) {}

export interface ProcessCheckResponse {
  /** No error-severity problem: the definition can be saved and published as it is. */
  valid: boolean;
  problems: FlowProblem[];
}

export class ListProcessesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only published processes that may start for this entity type' })
  @IsOptional() @IsString() @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional({ enum: ['draft', 'published'], description: 'Which version stands for each key: its draft, or its latest published version' })
  @IsOptional() @IsIn(['draft', 'published'])
  status?: ProcessStatus;

  @ApiPropertyOptional({ description: 'Also list archived processes (each row says archivedAt)' })
  @IsOptional() @Transform(({ value }: { value: unknown }) => value === 'true' || value === true) @IsBoolean()
  archived?: boolean;
}

export interface ProcessResponse {
  id: string;
  key: string;
  version: number;
  status: ProcessStatus;
  name: string;
  description: string;
  entityTypes: string[];
  stages: StageDefinition[];
  decisions: DecisionDefinition[];
  intake: IntakeField[];
  calendarKey: string | null;
  launchWebhookUrl: string | null;
  flow: ProcessFlow | null;
  /** When the key was archived (it starts no new cases), or null. */
  archivedAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toProcessResponse = (row: ProcessTable, archivedAt: number | null = null): ProcessResponse => ({
  id: row.id,
  key: row.key,
  version: row.version,
  status: row.status,
  name: row.name,
  description: row.description,
  entityTypes: row.entityTypes,
  stages: row.stages,
  decisions: row.decisions,
  intake: row.intake,
  calendarKey: row.calendarKey,
  launchWebhookUrl: row.launchWebhookUrl,
  flow: row.flow ?? null,
  archivedAt: iso(archivedAt),
  publishedAt: iso(row.publishedAt),
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
});
