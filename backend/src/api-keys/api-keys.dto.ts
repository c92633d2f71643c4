import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { API_KEY_SCOPES } from '../auth/permissions';
import { iso } from '../common/time';
import type { ApiKeyTable } from '../database/tables';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'n8n production' }) @IsString() @MinLength(1) @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['automation'], description: '"automation" is everything but admin' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @IsIn(API_KEY_SCOPES, { each: true, message: `each scope must be one of: ${API_KEY_SCOPES.join(', ')}` })
  scopes!: string[];
}

export interface ApiKeyResponse {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The only response that carries the key itself; it is not stored and cannot be shown again. */
export interface CreatedApiKeyResponse extends ApiKeyResponse {
  key: string;
}

export const toApiKeyResponse = (row: ApiKeyTable): ApiKeyResponse => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  scopes: row.scopes,
  createdAt: iso(row.createdAt)!,
  lastUsedAt: iso(row.lastUsedAt),
  revokedAt: iso(row.revokedAt),
});
