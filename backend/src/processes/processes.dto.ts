import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
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
}

export class ListProcessesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Only published processes that may start for this entity type' })
  @IsOptional() @IsString() @MaxLength(50)
  entityType?: string;

  @ApiPropertyOptional({ enum: ['draft', 'published'], description: 'Which version stands for each key: its draft, or its latest published version' })
  @IsOptional() @IsIn(['draft', 'published'])
  status?: ProcessStatus;
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
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export const toProcessResponse = (row: ProcessTable): ProcessResponse => ({
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
  publishedAt: iso(row.publishedAt),
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
});
