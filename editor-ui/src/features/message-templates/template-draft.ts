import type { FieldError } from '../../api/client';
import type { DocumentTemplate, MessageKind, MessagePreviewInput, MessageTemplate, MessageTemplateInput } from '../../api/message-types';

/** What the editor holds: the template as typed, sample data still as JSON text. */
export interface TemplateDraft {
  key: string;
  name: string;
  kind: MessageKind;
  subject: string;
  html: string;
  text: string;
  documents: DocumentTemplate[];
  sampleData: string;
}

export const EMPTY_DRAFT: TemplateDraft = { key: '', name: '', kind: 'customer', subject: '', html: '', text: '', documents: [], sampleData: '{}' };

export function draftOf(template: MessageTemplate): TemplateDraft {
  return {
    key: template.key,
    name: template.name,
    kind: template.kind ?? 'customer',
    subject: template.subject,
    html: template.html ?? '',
    text: template.text ?? '',
    documents: (template.documents ?? []).map((d) => ({ ...d })),
    sampleData: JSON.stringify(template.sampleData ?? {}, null, 2),
  };
}

export function sameDraft(a: TemplateDraft, b: TemplateDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function parseSampleData(text: string): { data: Record<string, unknown> } | { error: string } {
  if (text.trim() === '') return { data: {} };
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { error: 'Sample data must be a JSON object, like {"name": "Ada"}.' };
    return { data: parsed as Record<string, unknown> };
  } catch (error) {
    return { error: `Sample data is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The save request, or the field errors that must be fixed before the backend is asked. */
export function saveBody(draft: TemplateDraft): { body: MessageTemplateInput } | { errors: FieldError[] } {
  const sample = parseSampleData(draft.sampleData);
  if ('error' in sample) return { errors: [{ field: 'sampleData', messages: [sample.error] }] };
  return {
    body: {
      key: draft.key.trim(),
      name: draft.name.trim(),
      kind: draft.kind,
      subject: draft.subject,
      html: draft.html,
      text: draft.text,
      documents: draft.documents,
      sampleData: sample.data,
    },
  };
}

/**
 * The preview request: against the chosen case exactly as a send would render it, else against the
 * sample data (left out while it is not valid JSON). Null while there is no subject to render.
 */
export function previewBody(draft: TemplateDraft, instanceId: string | null): MessagePreviewInput | null {
  if (draft.subject.trim() === '') return null;
  const base = { subject: draft.subject, html: draft.html, text: draft.text, kind: draft.kind, documents: draft.documents };
  if (instanceId) return { ...base, instanceId };
  const sample = parseSampleData(draft.sampleData);
  return 'data' in sample ? { ...base, data: sample.data } : base;
}

/** Field errors by field, spelled the way the form names them (`documents[0].body`, also from `documents.0.body`). */
export function errorsByField(details: FieldError[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const { field, messages } of details) {
    const name = field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
    byField[name] = [byField[name], ...messages].filter(Boolean).join('; ');
  }
  return byField;
}
