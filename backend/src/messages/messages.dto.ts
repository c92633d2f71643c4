import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/paging';
import { iso } from '../common/time';
import { MESSAGE_KINDS, MessageKind, MessageStatus, MessageTable } from '../database/tables';
import { TEMPLATE_KEY } from './message-templates.dto';
import { TEMPLATE_LIMITS } from './template-limits';

export class InlineTemplateDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) subject!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEMPLATE_LIMITS.chars) html?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(TEMPLATE_LIMITS.chars) text?: string;
}

export class RecipientsDto {
  @ApiPropertyOptional({ description: "The instance's entity" }) @IsOptional() @IsBoolean() entity?: boolean;
  @ApiPropertyOptional({ description: "The entity's manager" }) @IsOptional() @IsBoolean() manager?: boolean;
  @ApiPropertyOptional({ description: 'Active members of this queue (key or id)' })
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100)
  queue?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional() @IsArray() @ArrayMaxSize(100) @IsEmail({}, { each: true })
  addresses?: string[];
}

export class AttachmentDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) @Matches(/^[^/\\\r\n]+$/, { message: 'filename must not contain slashes or line breaks' })
  filename!: string;

  @ApiProperty({ example: 'application/pdf' })
  @IsString() @MaxLength(200) @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'contentType must look like type/subtype' })
  contentType!: string;

  @ApiProperty({ description: 'base64' }) @IsString() @IsBase64() content!: string;
}

export class AttachDocumentsDto {
  @ApiPropertyOptional({ type: [String], example: ['referral-letter'], description: 'Only documents of these kinds; absent or empty: every document of the case' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Matches(/^[a-z0-9][a-z0-9_-]{0,49}$/, { each: true, message: 'each kind must be lowercase letters, digits, "-" or "_"' })
  kinds?: string[];
}

export class SendMessageDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() instanceId?: string;

  @ApiPropertyOptional({ description: 'Renders the latest version of this template' })
  @IsOptional() @IsString() @MaxLength(100) @Matches(TEMPLATE_KEY)
  templateKey?: string;

  @ApiPropertyOptional({ type: InlineTemplateDto })
  @IsOptional() @ValidateNested() @Type(() => InlineTemplateDto)
  inline?: InlineTemplateDto;

  @ApiPropertyOptional({ type: RecipientsDto, description: 'Defaults to the entity when an instance is given' })
  @IsOptional() @ValidateNested() @Type(() => RecipientsDto)
  to?: RecipientsDto;

  @ApiPropertyOptional({ description: "Merged over the instance's data for rendering" })
  @IsOptional() @IsObject()
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [AttachmentDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => AttachmentDto)
  attachments?: AttachmentDto[];

  @ApiPropertyOptional({ enum: MESSAGE_KINDS, default: 'customer', description: "An inline message's kind; a template's message takes the template's kind" })
  @IsOptional() @IsIn(MESSAGE_KINDS)
  kind?: MessageKind;

  @ApiPropertyOptional({ type: AttachDocumentsDto, description: "Attach the case's documents (needs instanceId): {} every one, { kinds } only those" })
  @IsOptional() @ValidateNested() @Type(() => AttachDocumentsDto)
  attachDocuments?: AttachDocumentsDto;
}

export class MailboxQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MESSAGE_KINDS }) @IsOptional() @IsIn(MESSAGE_KINDS) kind?: MessageKind;
}

export class ListMessagesQueryDto extends MailboxQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() instanceId?: string;
}

export class AttachmentQueryDto {
  @ApiPropertyOptional({ description: 'Shown in the browser (content-disposition: inline) rather than downloaded' })
  @IsOptional() @Transform(({ value }: { value: unknown }) => value === 'true' || value === true) @IsBoolean()
  inline?: boolean;
}

/** The API's path prefix (app.ts API_PREFIX), which attachment links start with. */
const API_BASE = '/api/v1';

export interface MessageResponse {
  id: string;
  instanceId: string | null;
  channel: string;
  kind: MessageKind;
  subject: string;
  html: string;
  text: string;
  recipients: string[];
  /** `url` downloads the attachment (add `?inline=true` to show it in the browser). */
  attachments: Array<{ filename: string; contentType: string; size: number; url: string }>;
  status: MessageStatus;
  error: string | null;
  templateKey: string | null;
  templateVersion: number | null;
  createdAt: string;
  sentAt: string | null;
}

/**
 * A decision link in a notification decides as its recipient, so only the email carries it: whoever reads the
 * message through the API (colleagues on the case, the dev mailbox) sees the link without its token.
 */
const DECISION_LINK_TOKEN = /(\/email-decisions\/)[A-Za-z0-9_-]{16,}/g;
export const redactDecisionLinks = (body: string): string => body.replace(DECISION_LINK_TOKEN, '$1(sent to the recipient only)');

export const toMessageResponse = (row: MessageTable): MessageResponse => ({
  id: row.id,
  instanceId: row.instanceId,
  channel: row.channel,
  kind: row.kind,
  subject: row.subject,
  html: redactDecisionLinks(row.html),
  text: redactDecisionLinks(row.text),
  recipients: row.recipients,
  attachments: row.attachments.map((a, index) => ({
    filename: a.filename,
    contentType: a.contentType,
    size: Buffer.byteLength(a.content, 'base64'),
    url: `${API_BASE}/messages/${row.id}/attachments/${index}`,
  })),
  status: row.status,
  error: row.error,
  templateKey: row.templateKey,
  templateVersion: row.templateVersion,
  createdAt: iso(row.createdAt)!,
  sentAt: iso(row.sentAt),
});
