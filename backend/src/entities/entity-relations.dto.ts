import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';
import type { EntityResponse } from './entities.dto';
import { MAX_INCOMING, RELATION_NAME } from './entity-relations';

export class RelationTargetDto {
  @ApiPropertyOptional({ example: 'courseDate' }) @IsOptional() @IsString() @Length(1, 50) type?: string;
  @ApiPropertyOptional({ example: 'CD-2027-03-JAVA' }) @IsOptional() @IsString() @Length(1, 200) externalId?: string;
  @ApiPropertyOptional({ description: "The related record's Caseflow id, instead of type and externalId" })
  @IsOptional() @IsString() @Length(1, 36)
  id?: string;
}

export class RelatedQueryDto {
  @ApiPropertyOptional({ description: 'Only links of this name (both ways)' })
  @IsOptional() @IsString() @Matches(RELATION_NAME)
  name?: string;

  @ApiPropertyOptional({ description: 'Only incoming links from records of this type' })
  @IsOptional() @IsString() @MaxLength(50)
  type?: string;

  @ApiPropertyOptional({ example: 'status', description: 'Leave out incoming records whose field equals skipValue (status = attributes.status)' })
  @IsOptional() @IsString() @MaxLength(200)
  skipField?: string;

  @ApiPropertyOptional({ example: 'cancelled' }) @IsOptional() @IsString() @MaxLength(500) skipValue?: string;

  @ApiPropertyOptional({ description: `Incoming links returned, at most ${MAX_INCOMING} (incomingTotal counts them all)` })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(MAX_INCOMING)
  limit?: number;
}

export interface RelatedRecord {
  name: string;
  entity: EntityResponse;
}

export interface EntityRelatedResponse {
  /** The records this one links to: a booking's courseDate. */
  outgoing: RelatedRecord[];
  /** The records linking to this one: a course date's bookings. */
  incoming: RelatedRecord[];
  incomingTotal: number;
}
