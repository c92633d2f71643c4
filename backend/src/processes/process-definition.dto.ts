import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const SLUG = /^[a-z0-9][a-z0-9_-]{0,99}$/;
export const SLUG_MESSAGE = '$property must be a slug: lowercase letters, digits, "-" and "_", starting with a letter or digit, at most 100 characters';

/** Ten years: long enough for any SLA, short enough that due times stay exact. */
const MAX_MINUTES = 10 * 365 * 24 * 60;

export class EscalationStepDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'Fire when this share of the SLA has elapsed (100 = breach). Give this or afterBreachMinutes.' })
  @IsOptional() @IsInt() @Min(1) @Max(1000)
  atPercent?: number;

  @ApiPropertyOptional({ minimum: 0, description: 'Fire this many minutes after the breach. Give this or atPercent.' })
  @IsOptional() @IsInt() @Min(0) @Max(MAX_MINUTES)
  afterBreachMinutes?: number;

  @ApiProperty({ enum: ['notify', 'escalate'] }) @IsIn(['notify', 'escalate']) action!: 'notify' | 'escalate';
  @ApiPropertyOptional({ description: 'Queue key' }) @IsOptional() @IsString() @Length(1, 100) toQueue?: string;
  @ApiPropertyOptional({ description: 'User id or email' }) @IsOptional() @IsString() @Length(1, 320) toUser?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 4 }) @IsOptional() @IsInt() @Min(1) @Max(4) priority?: number;
  @ApiPropertyOptional({ description: 'Message template key' }) @IsOptional() @IsString() @Length(1, 100) template?: string;
}

export class StageDto {
  @ApiProperty({ example: 'advisor-review' }) @Matches(SLUG, { message: SLUG_MESSAGE }) key!: string;
  @ApiProperty() @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({ description: 'Queue key' }) @IsOptional() @IsString() @Length(1, 100) ownerQueue?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_MINUTES) slaMinutes?: number;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @IsInt() @Min(1) @Max(MAX_MINUTES) stallAfterMinutes?: number;
  @ApiPropertyOptional({ description: 'Calendar key' }) @IsOptional() @IsString() @Length(1, 100) calendar?: string;

  @ApiPropertyOptional({ type: [EscalationStepDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => EscalationStepDto)
  escalation?: EscalationStepDto[];
}

export class DecisionDto {
  @ApiProperty({ example: 'approve' }) @Matches(SLUG, { message: SLUG_MESSAGE }) key!: string;
  @ApiProperty({ example: 'Approve' }) @IsString() @Length(1, 200) label!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() commentRequired?: boolean;
}
