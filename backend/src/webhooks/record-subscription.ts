import type { FieldError } from '../common/validation';
import { isRecordEvent } from './record-change';
import { normalizeRecordField, RECORD_FIELD_RULE } from '../entities/record-field';
import type { CreateWebhookDto } from './webhooks.dto';

export interface RecordFilter {
  entityType: string | null;
  field: string | null;
  value: string | null;
}

/**
 * The record filter a subscription asks for, or the field errors that refuse it: a type is required
 * with record events (a trigger on every change of every record would wake n8n for nothing), and
 * filters without a record event to apply to are a mistake worth saying so.
 */
export function recordFilterOf(dto: CreateWebhookDto): { filter: RecordFilter; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, messages: [message] });
  const wantsRecords = dto.events.some(isRecordEvent);
  const field = dto.field === undefined ? null : normalizeRecordField(dto.field);
  if (wantsRecords && !dto.entityType) add('entityType', 'is required with entity.created and entity.updated');
  if (!wantsRecords) {
    for (const key of ['entityType', 'field', 'value'] as const) {
      if (dto[key] !== undefined) add(key, 'applies only to the events entity.created and entity.updated');
    }
  }
  if (dto.field !== undefined && field === null) add('field', RECORD_FIELD_RULE);
  if (dto.value !== undefined && dto.field === undefined) add('value', 'needs a field: it is the value that field becomes');
  return { filter: { entityType: dto.entityType ?? null, field, value: dto.value ?? null }, errors };
}
