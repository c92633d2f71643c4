import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, errorsByField, previewBody, saveBody } from './template-draft';

const draft = { ...EMPTY_DRAFT, key: ' certificate ', name: 'Certificate', subject: 'Hello {{entity.name}}', sampleData: '{"entity": {"name": "Ada"}}' };

describe('previewBody', () => {
  it('renders against the chosen case alone, as a send on that case would', () => {
    expect(previewBody(draft, 'case-1')).toEqual({ subject: draft.subject, html: '', text: '', kind: 'customer', documents: [], instanceId: 'case-1' });
  });

  it('renders against the sample data when no case is chosen', () => {
    expect(previewBody(draft, null)?.data).toEqual({ entity: { name: 'Ada' } });
  });

  it('leaves out sample data that is not valid JSON yet, and asks nothing without a subject', () => {
    expect(previewBody({ ...draft, sampleData: '{"entity": ' }, null)).not.toHaveProperty('data');
    expect(previewBody({ ...draft, subject: '  ' }, 'case-1')).toBeNull();
  });
});

describe('saveBody', () => {
  it('sends the parsed sample data and the trimmed key', () => {
    const result = saveBody(draft);
    expect('body' in result && result.body).toMatchObject({ key: 'certificate', sampleData: { entity: { name: 'Ada' } } });
  });

  it('refuses sample data that is not a JSON object, naming the field', () => {
    const result = saveBody({ ...draft, sampleData: '[1, 2]' });
    expect('errors' in result && result.errors[0]!.field).toBe('sampleData');
  });
});

describe('errorsByField', () => {
  it('spells nested fields the way the form names them, whichever way the backend did', () => {
    expect(errorsByField([
      { field: 'documents.0.body', messages: ['Parse error on line 2'] },
      { field: 'documents[1].filename', messages: ['must end with .pdf'] },
      { field: 'subject', messages: ['a', 'b'] },
    ])).toEqual({ 'documents[0].body': 'Parse error on line 2', 'documents[1].filename': 'must end with .pdf', subject: 'a; b' });
  });
});
