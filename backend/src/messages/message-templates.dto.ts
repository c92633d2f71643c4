import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { MAX_INT32 } from '../common/params';
import { Type } from 'class-transformer';
import { iso } from '../common/time';
import { DocumentTemplate, MESSAGE_KINDS, MessageKind, MessageTemplateTable } from '../database/tables';
import { MAX_DOCUMENTS } from './message-documents';
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

  @ApiPropertyOptional({ enum: MESSAGE_KINDS, default: 'customer', description: 'customer (transactional), admin (system notifications) or finance' })
  @IsOptional() @IsIn(MESSAGE_KINDS)
  kind?: MessageKind;

  @ApiPropertyOptional({ type: () => [DocumentTemplateDto], description: `PDFs rendered with each message and attached to it (at most ${MAX_DOCUMENTS})` })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_DOCUMENTS) @ValidateNested({ each: true }) @Type(() => DocumentTemplateDto)
  documents?: DocumentTemplateDto[];
}

/** A PDF made for each message; every field is a Handlebars template (plain text) with the message's context. */
export class DocumentTemplateDto implements DocumentTemplate {
  @ApiProperty({ example: 'certificate-{{entity.externalId}}.pdf' })
  @IsString() @MinLength(5) @MaxLength(255) @Matches(/^[^/\\\r\n"]+\.pdf$/i, { message: 'filename must end in .pdf, without slashes, quotes or line breaks' })
  filename!: string;

  @ApiProperty({ example: 'Certificate of attendance' }) @IsString() @MaxLength(2000) title!: string;

  @ApiProperty({ description: 'Paragraphs separated by blank lines; a line starting with "# " is a heading' })
  @IsString() @MaxLength(MAX_TEMPLATE_CHARS)
  body!: string;
}

export class PreviewMessageTemplateDto {
  @ApiPropertyOptional({ description: "Laid over the template sample data, field by field; with instanceId, over the case's data" })
  @IsOptional() @IsObject()
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Defaults to the latest version' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_INT32)
  version?: number;

  @ApiPropertyOptional({ description: 'Render against this case, exactly as a send on it would (sample data is not used)' })
  @IsOptional() @IsUUID()
  instanceId?: string;
}

/** An unsaved draft from the editor, rendered as `POST /message-templates` would save it. */
export class PreviewDraftDto {
  @ApiProperty({ description: 'Handlebars, plain text' }) @IsString() @MaxLength(2000) subject!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_TEMPLATE_CHARS) html?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(MAX_TEMPLATE_CHARS) text?: string;
  @ApiPropertyOptional({ enum: MESSAGE_KINDS }) @IsOptional() @IsIn(MESSAGE_KINDS) kind?: MessageKind;

  @ApiPropertyOptional({ type: () => [DocumentTemplateDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_DOCUMENTS) @ValidateNested({ each: true }) @Type(() => DocumentTemplateDto)
  documents?: DocumentTemplateDto[];

  @ApiPropertyOptional({ description: 'Render against this case, exactly as a send on it would' })
  @IsOptional() @IsUUID()
  instanceId?: string;

  @ApiPropertyOptional({ description: "The rendering context without instanceId; with it, laid over the case's data" })
  @IsOptional() @IsObject()
  data?: Record<string, unknown>;
}

export interface MessageTemplateResponse {
  id: string;
  key: string;
  version: number;
  name: string;
  channel: string;
  kind: MessageKind;
  subject: string;
  html: string;
  text: string;
  documents: DocumentTemplate[];
  sampleData: Record<string, unknown>;
  createdAt: string;
}

export interface MessagePreviewResponse {
  subject: string;
  html: string;
  text: string;
  /** Each document rendered to PDF: its file name, title, pages and size in bytes. */
  documents: Array<{ filename: string; title: string; pageCount: number; size: number }>;
}

export const toMessageTemplateResponse = (row: MessageTemplateTable): MessageTemplateResponse => ({
  id: row.id,
  key: row.key,
  version: row.version,
  name: row.name,
  channel: row.channel,
  kind: row.kind,
  subject: row.subject,
  html: row.html,
  text: row.text,
  documents: row.documents,
  sampleData: row.sampleData,
  createdAt: iso(row.createdAt)!,
});
