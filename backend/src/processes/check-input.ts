import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { dropUnexpectedNulls, flatten } from '../common/validation';
import { type FlowFieldError, readFlow } from './flow-shape';
import { applyEdit, EMPTY_DEFINITION, type ProcessDefinition } from './process-definition';
import type { FlowProblem } from './process-flow';
import { CheckProcessDto, type UpdateProcessDto } from './processes.dto';

export interface CheckInput {
  /** The definition as far as it could be read: fields that failed their rules are left at their empty value. */
  definition: ProcessDefinition;
  /** The top-level fields that failed, whose cross-field checks would only repeat the same complaint. */
  failedFields: Set<string>;
  problems: FlowProblem[];
}

/** The field a nested field belongs to: `stages` for `stages[1].ownerQueue`. */
export const topLevelOf = (field: string): string => field.split(/[.[]/)[0]!;

/**
 * Reads a definition the way POST /processes would, but turns each refusal into an `invalid` problem
 * instead of a 400, so the designer sees every problem of a half-finished definition at once.
 */
export async function readCheckInput(body: unknown): Promise<CheckInput> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestException('The body must be a JSON object: a process definition as POST /processes takes it.');
  }
  const { flow, ...rest } = body as Record<string, unknown>;
  dropUnexpectedNulls(rest, CheckProcessDto);
  const dto = plainToInstance(CheckProcessDto, rest);
  const fieldErrors = flatten(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  const invalid = ({ field, messages, stepId }: FlowFieldError): FlowProblem => ({
    code: 'invalid',
    severity: 'error',
    field,
    message: `${field}: ${messages.join(', ')}`,
    ...(stepId ? { stepId } : {}),
  });
  const problems = fieldErrors.map(invalid);
  const failedFields = new Set(fieldErrors.map((error) => topLevelOf(error.field)));
  const edit: UpdateProcessDto = { ...dto };
  for (const field of failedFields) delete (edit as Record<string, unknown>)[field];
  const definition = applyEdit(EMPTY_DEFINITION, { ...edit, flow: null });

  if (flow !== undefined && flow !== null) {
    const reading = readFlow(flow);
    definition.flow = reading.flow;
    problems.push(...reading.errors.map(invalid));
  }
  return { definition, failedFields, problems };
}
