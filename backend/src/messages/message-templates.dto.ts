import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { MAX_INT32 } from '../common/params';
import { Type } from 'class-transformer';
import { iso } from '../common/time';
import type { MessageTemplateTable } from '../database/tables';
import { TEMPLATE_LIMITS } from './template-limits';

export const TEMPLATE_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_TEMPLATE_CHARS = TEMPLATE_LIMITS.chars;

export class CreateMessageTemplateDto {
  @ApiProperty({ example: 'booking-confirmation', description: 'A new key starts at version 1; an existing key gets its next version.' })
  @IsString() @MaxLength(100) @Matches(TEMPLATE_KEY, { message: 'key may hold letters, digits, ".", "_" and "-", starting with a letter or digit' })
  key!: string;

  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;

  @ApiProperty({ description: 'Handlebars, plain text' }) @IsString() @MinLength(1) @MaxLength(2000) subject!: string;

  @ApiPropertyOptional({ description: 'Handlebars, HTML-escaped' })
  @IsOptional() @IsString() @MaxLength(MAX_TEMPLATE_CHARS)
  html?: string;

  @ApiPropertyOptional({ description: 'Handlebars, plain text' })
  @IsOptional() @IsString() @MaxLength(MAX_TEMPLATE_CHARS)
  text?: string;

  @ApiPropertyOptional({ description: 'A rendering context to preview the template with' })
  @IsOptional() @IsObject()
  sampleData?: Record<string, unknown>;
}

export class PreviewMessageTemplateDto {
  @ApiPropertyOptional({ description: 'Laid over the template sample data, field by field' })
  @IsOptional() @IsObject()
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Defaults to the latest version' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_INT32)
  version?: number;
}

export interface MessageTemplateResponse {
  id: string;
  key: string;
  version: number;
  name: string;
  channel: string;
  subject: string;
  html: string;
  text: string;
  sampleData: Record<string, unknown>;
  createdAt: string;
}

export interface MessagePreviewResponse {
  subject: string;
  html: string;
  text: string;
}

export const toMessageTemplateResponse = (row: MessageTemplateTable): MessageTemplateResponse => ({
  id: row.id,
  key: row.key,
  version: row.version,
  name: row.name,
  channel: row.channel,
  subject: row.subject,
  html: row.html,
  text: row.text,
  sampleData: row.sampleData,
  createdAt: iso(row.createdAt)!,
});
