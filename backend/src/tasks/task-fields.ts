import { BadRequestException } from '@nestjs/common';
import type { FieldError } from '../common/validation';
import type { TaskField } from '../database/tables';

const TYPE_CHECKS: Record<TaskField['type'], (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)),
};

/** Checks the values a reviewer captured against the task's field definitions; 400 lists every problem. */
export function captureFields(definitions: TaskField[], values: Record<string, unknown> = {}): Record<string, unknown> {
  const errors: FieldError[] = [];
  const known = new Set(definitions.map((d) => d.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) errors.push({ field: `fields.${key}`, messages: ['this task does not capture that field'] });
  }
  const captured: Record<string, unknown> = {};
  for (const definition of definitions) {
    const value = values[definition.key];
    if (value === undefined || value === null || value === '') {
      if (definition.required) errors.push({ field: `fields.${definition.key}`, messages: [`"${definition.label}" is required`] });
      continue;
    }
    if (!TYPE_CHECKS[definition.type](value)) {
      errors.push({ field: `fields.${definition.key}`, messages: [`"${definition.label}" must be a ${definition.type}`] });
      continue;
    }
    captured[definition.key] = value;
  }
  if (errors.length) {
    throw new BadRequestException({
      error: 'Bad Request',
      message: errors.map((e) => `${e.field}: ${e.messages.join(', ')}`).join('; '),
      details: errors,
    });
  }
  return captured;
}
