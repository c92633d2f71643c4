import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAX_INT32 } from '../common/params';
import type { ProcessFlow } from '../processes/process-flow';
import type { ReadNodeSummary } from './read-workflow';
import type { SyncPlan } from './sync-plan';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class GenerateWorkflowQueryDto {
  @ApiPropertyOptional({ description: 'The published version to generate; the latest published one by default' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'version must be a whole number' }) @Min(1) @Max(MAX_INT32) version?: number;

  @ApiPropertyOptional({ description: 'Answer with the plan and write nothing' })
  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'dryRun must be true or false' }) dryRun?: boolean;

  @ApiPropertyOptional({ description: 'Overwrite generated nodes someone changed by hand in n8n' })
  @IsOptional() @Transform(toBoolean) @IsBoolean({ message: 'confirm must be true or false' }) confirm?: boolean;
}

export class N8nWorkflowLinkResponse {
  @ApiProperty() processKey!: string;
  @ApiProperty() processVersion!: number;
  @ApiProperty() workflowId!: string;
  @ApiProperty({ description: '"Open in n8n"' }) editorUrl!: string;
  @ApiProperty({ description: 'The production webhook that launches the process' }) webhookUrl!: string;
  @ApiProperty() updatedAt!: string;
}

export class GenerateWorkflowResponse {
  @ApiProperty({ nullable: true, type: String }) workflowId!: string | null;
  @ApiProperty({ nullable: true, type: String }) editorUrl!: string | null;
  @ApiProperty() webhookUrl!: string;
  @ApiProperty({ description: 'true when nothing was written (?dryRun=true)' }) dryRun!: boolean;
  @ApiProperty({ description: '{ workflowId, create, add, update, remove, overwrite: [{ node, parameters }], keep }' }) plan!: SyncPlan;
}

export class N8nWorkflowListItem {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() caseflowNodes!: number;
  @ApiProperty({ type: [String] }) processKeys!: string[];
}

export class ProcessMapResponse {
  @ApiProperty({ description: 'The workflow drawn as a flow (steps and links)' }) flow!: ProcessFlow;
  @ApiProperty({ description: 'Every node: the step it became (stepId) or null, and a note' }) nodes!: ReadNodeSummary[];
  @ApiPropertyOptional() workflowId?: string;
  @ApiPropertyOptional() name?: string;
  @ApiPropertyOptional() editorUrl?: string;
}
