import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { iso } from '../common/time';
import type { EntityTypeTable } from '../database/tables';

export class CreateEntityTypeDto {
  @ApiProperty({ example: 'supplier', description: 'Lowercase slug, at most 50 characters' })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_-]{0,49}$/, {
    message: 'key must be a lowercase slug: a-z, 0-9, "-" or "_", starting with a letter or digit, at most 50 characters',
  })
  key!: string;

  @ApiProperty({ example: 'Suppliers' }) @IsString() @MinLength(1) @MaxLength(200)
  name!: string;
}

export interface EntityTypeResponse {
  key: string;
  name: string;
  builtin: boolean;
  createdAt: string;
}

export const toEntityTypeResponse = (row: EntityTypeTable): EntityTypeResponse => ({
  key: row.key,
  name: row.name,
  builtin: row.builtin,
  createdAt: iso(row.createdAt)!,
});
