import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsObject, IsOptional, IsString, Length, MaxLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/paging';
import type { RelationsInput } from './entity-relations';
import { iso } from '../common/time';
import type { EntityTable, InstanceStatus, InstanceTable } from '../database/tables';

/** Lets a field be left out while still refusing an explicit null (the column is NOT NULL). */
const UnlessAbsent = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

/** What it takes to create or update an entity; also what instances pass when they upsert one. */
export interface EntityInput {
  type: string;
  externalId: string;
  name?: string;
  email?: string | null;
  managerEmail?: string | null;
  attributes?: Record<string, unknown>;
  /** Named links to other records, set with the record (see entity-relations.ts). */
  relations?: RelationsInput;
}

export class UpsertEntityDto implements EntityInput {
  @ApiProperty({ example: 'student' }) @IsString() @Length(1, 50) type!: string;
  @ApiProperty({ example: 'S-1042' }) @IsString() @Length(1, 200) externalId!: string;
  @ApiPropertyOptional({ description: 'Defaults to externalId when the entity is created.' })
  @UnlessAbsent() @IsString() @Length(1, 300)
  name?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) managerEmail?: string | null;
  @ApiPropertyOptional({ description: 'Merged into the stored attributes; a key set to null is removed.' })
  @UnlessAbsent() @IsObject()
  attributes?: Record<string, unknown>;
  @ApiPropertyOptional({
    example: { courseDate: { type: 'courseDate', externalId: 'CD-2027-03-JAVA' } },
    description: 'Named links to other records, which must exist: name → { type, externalId } or { id }; null removes the link.',
  })
  @UnlessAbsent() @IsObject()
  relations?: RelationsInput;
}

export class UpdateEntityDto {
  @ApiPropertyOptional() @UnlessAbsent() @IsString() @Length(1, 300) name?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) email?: string | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsEmail() @MaxLength(320) managerEmail?: string | null;
  @ApiPropertyOptional({ description: 'Merged into the stored attributes; a key set to null is removed.' })
  @UnlessAbsent() @IsObject()
  attributes?: Record<string, unknown>;
}

export class ConvertEntityDto {
  @ApiProperty({ example: 'client' }) @IsString() @Length(1, 50) toType!: string;
}

export class ListEntitiesQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) type?: string;
  @ApiPropertyOptional({ description: 'Case-insensitive substring of name, externalId or email.' })
  @IsOptional() @IsString() @MaxLength(200)
  q?: string;
}

export interface EntityResponse {
  id: string;
  type: string;
  externalId: string;
  name: string;
  email: string | null;
  managerEmail: string | null;
  attributes: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** A row of the records list: `stalled` when one of its open cases sits past its stage's stall threshold. */
export interface EntityListItem extends EntityResponse {
  stalled: boolean;
}

export interface EntityInstanceSummary {
  id: string;
  processKey: string;
  status: InstanceStatus;
  currentStageKey: string | null;
  createdAt: string;
}

export interface EntityDetailResponse extends EntityResponse {
  instances: EntityInstanceSummary[];
}

export interface UpsertEntityResult {
  entity: EntityResponse;
  created: boolean;
}

export const toEntityResponse = (row: EntityTable): EntityResponse => ({
  id: row.id,
  type: row.type,
  externalId: row.externalId,
  name: row.name,
  email: row.email,
  managerEmail: row.managerEmail,
  attributes: row.attributes,
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
});

export const toEntityDetailResponse = (row: EntityTable, instances: InstanceTable[]): EntityDetailResponse => ({
  ...toEntityResponse(row),
  instances: instances.map((instance) => ({
    id: instance.id,
    processKey: instance.processKey,
    status: instance.status,
    currentStageKey: instance.currentStageKey,
    createdAt: iso(instance.createdAt)!,
  })),
});
