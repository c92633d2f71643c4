import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBase64, IsBoolean, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { iso } from '../common/time';
import type { ActorType, CaseDocumentTable, DocumentSource } from '../database/tables';

const KIND = /^[a-z0-9][a-z0-9_-]{0,49}$/;
const KIND_MESSAGE = 'kind must be lowercase letters, digits, "-" or "_" (such as referral-letter)';
/** The places a launch can put a file reference: data.<key>, deeper with "." (checked again against the intake). */
const FIELD = /^data(\.[A-Za-z0-9_-]+)+$/;

/** A file as JSON: what an upload and each of a launch's `documents` carry. */
export class DocumentFileDto {
  @ApiProperty({ example: 'referral.pdf' })
  @IsString() @Length(1, 300) @Matches(/^[^/\\\r\n\0]+$/, { message: 'name must not contain slashes or line breaks' })
  name!: string;

  @ApiProperty({ example: 'application/pdf' })
  @IsString() @MaxLength(100) @Matches(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, { message: 'contentType must look like type/subtype' })
  contentType!: string;

  @ApiProperty({ description: 'The file, base64' }) @IsString() @IsBase64() content!: string;

  @ApiPropertyOptional({ example: 'referral-letter', default: 'supporting' })
  @IsOptional() @IsString() @Matches(KIND, { message: KIND_MESSAGE })
  kind?: string;

  @ApiPropertyOptional({ example: 'data.referralLetter', description: 'The intake field this file answers' })
  @IsOptional() @IsString() @MaxLength(200) @Matches(FIELD, { message: 'field must be an intake path under data, such as data.referralLetter' })
  field?: string;
}

export class AddDocumentDto extends DocumentFileDto {
  @ApiPropertyOptional({ description: 'The task of this case the file was added for' }) @IsOptional() @IsUUID() taskId?: string;
}

export class ListDocumentsQuery {
  @ApiPropertyOptional({ example: 'intake' }) @IsOptional() @IsString() @Matches(KIND, { message: KIND_MESSAGE }) kind?: string;
}

export class DocumentContentQuery {
  @ApiPropertyOptional({ description: 'Shown in the browser (PDF, images, plain text only); anything else is downloaded' })
  @IsOptional() @Transform(({ value }: { value: unknown }) => value === 'true' || value === true) @IsBoolean()
  inline?: boolean;
}

export interface DocumentResponse {
  id: string;
  instanceId: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  kind: string;
  field: string | null;
  source: DocumentSource;
  taskId: string | null;
  addedBy: { type: ActorType; id: string | null; name: string | null };
  createdAt: string;
  /** Downloads the bytes; `?inline=true` shows a PDF, an image or plain text in the browser. */
  url: string;
}

export const toDocumentResponse = (row: CaseDocumentTable): DocumentResponse => ({
  id: row.id,
  instanceId: row.instanceId,
  name: row.name,
  contentType: row.contentType,
  size: row.size,
  sha256: row.sha256,
  kind: row.kind,
  field: row.field,
  source: row.source,
  taskId: row.taskId,
  addedBy: { type: row.addedByType, id: row.addedById, name: row.addedByName },
  createdAt: iso(row.createdAt)!,
  url: `/api/v1/documents/${row.id}/content`,
});

/** What a case's data holds for a file its launch brought (an intake field of type file). */
export interface DocumentReference {
  documentId: string;
  name: string;
  contentType: string;
  size: number;
}
