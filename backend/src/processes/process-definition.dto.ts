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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { INTAKE_FIELD_TYPES, type IntakeFieldType } from '../database/tables';

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

/** A reminder to the people holding a task, this long before it is due (business minutes on the stage's calendar). */
export class StageReminderDto {
  @ApiProperty({ minimum: 1, example: 60, description: 'Minutes before the task is due; business minutes where the stage has a calendar.' })
  @IsInt() @Min(1) @Max(MAX_MINUTES)
  beforeMinutes!: number;
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

  @ApiPropertyOptional({ type: [StageReminderDto], description: "Reminders before a task of this stage is due, e.g. [{ beforeMinutes: 1440 }, { beforeMinutes: 60 }]." })
  @IsOptional() @IsArray() @ArrayMaxSize(10) @ValidateNested({ each: true }) @Type(() => StageReminderDto)
  reminders?: StageReminderDto[];
}

export class DecisionDto {
  @ApiProperty({ example: 'approve' }) @Matches(SLUG, { message: SLUG_MESSAGE }) key!: string;
  @ApiProperty({ example: 'Approve' }) @IsString() @Length(1, 200) label!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() commentRequired?: boolean;
}

/** The shape of one intake field; where it may point and how fields combine is checked in intake.ts. */
export class IntakeFieldDto {
  @ApiProperty({
    example: 'data.courseStart',
    maxLength: 200,
    description:
      'Where the value lives on the case: data.<key> (deeper with ".", e.g. data.course.start), entity.name, entity.email, ' +
      'entity.managerEmail or entity.attributes.<key>. Keys are letters, digits, "_" and "-". Unique within a process.',
  })
  @IsString() @Length(1, 200)
  path!: string;

  @ApiProperty({ example: 'Course start', minLength: 1, maxLength: 200 }) @IsString() @Length(1, 200) label!: string;

  @ApiProperty({
    enum: INTAKE_FIELD_TYPES,
    description:
      'text: a string; number: a JSON number; date: an ISO date or date-time string; email: an email address; ' +
      'boolean: true or false; choice: one of options; file: an object ({ name, mimeType?, size?, … }) or a file id.',
  })
  @IsIn(INTAKE_FIELD_TYPES)
  type!: IntakeFieldType;

  @ApiPropertyOptional({ default: false, description: 'A launch without a non-empty value is refused with 400.' })
  @IsOptional() @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Shown next to the field in forms.' })
  @IsOptional() @IsString() @MaxLength(1000)
  help?: string;

  @ApiPropertyOptional({ type: [String], example: ['online', 'classroom'], description: 'The allowed values; required for "choice" and only for it.' })
  @IsOptional() @IsArray() @ArrayMaxSize(200) @IsString({ each: true }) @Length(1, 200, { each: true })
  options?: string[];
}
