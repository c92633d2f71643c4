import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '../common/validation';
import type { EntityTable, IntakeField } from '../database/tables';
import { mergeAttributes } from '../entities/entity-changes';
import { checkIntake, describeIntakeErrors, IntakeValues } from '../processes/intake';
import type { LaunchInstanceDto } from './instances.dto';

/** Whether checking the intake needs the stored entity a launch upserts (only entity.* fields do). */
export const intakeReadsEntity = (intake: IntakeField[]): boolean => intake.some((field) => field.path.startsWith('entity.'));

/**
 * What the case will hold once the launch is written: its data, and the entity as the upsert will
 * leave it (the launch's fields over the stored ones; an attribute set to null is removed).
 */
export function launchIntakeValues(dto: LaunchInstanceDto, stored: EntityTable | null): IntakeValues {
  const given = dto.entity;
  return {
    data: dto.data ?? {},
    entity: {
      name: given?.name ?? stored?.name,
      email: given?.email !== undefined ? given.email : stored?.email,
      managerEmail: given?.managerEmail !== undefined ? given.managerEmail : stored?.managerEmail,
      attributes: mergeAttributes(stored?.attributes ?? {}, given?.attributes ?? {}).merged,
    },
  };
}

/** 400 listing every missing or invalid field, or nothing when the launch brings what the process needs. */
export function assertIntake(intake: IntakeField[], values: IntakeValues): void {
  const details: FieldError[] = checkIntake(intake, values);
  if (details.length === 0) return;
  throw new BadRequestException({ error: 'Bad Request', message: describeIntakeErrors(details), details });
}
