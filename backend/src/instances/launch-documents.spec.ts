import { BadRequestException } from '@nestjs/common';
import type { IntakeField } from '../database/tables';
import type { PreparedDocument } from '../documents/document-writer';
import type { DocumentFileDto } from '../documents/documents.dto';
import { prepareLaunchDocuments } from './launch-documents';

const prepared = (file: DocumentFileDto): PreparedDocument => ({
  id: `id-${file.name}`,
  name: file.name,
  contentType: file.contentType,
  bytes: Buffer.from(file.content, 'base64'),
  sha256: 'x',
  kind: file.kind ?? 'intake',
  field: file.field ?? null,
});
const prepare = (file: DocumentFileDto) => (file.content === '' ? { problem: `"${file.name}" is empty` } : prepared(file));
const file = (name: string, field?: string): DocumentFileDto => ({ name, contentType: 'application/pdf', content: Buffer.from('%PDF-').toString('base64'), field });
const intake: IntakeField[] = [{ path: 'data.reason', label: 'Reason', type: 'text', required: true }];

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return (error as BadRequestException).getResponse();
  }
  throw new Error('expected a refusal');
}

describe('prepareLaunchDocuments', () => {
  it('puts a reference at a nested path, keeping the data around it and leaving the given data unchanged', () => {
    const data = { course: { title: 'First aid' }, reason: 'x' };
    const result = prepareLaunchDocuments([file('a.pdf', 'data.course.letter'), file('b.pdf')], intake, data, prepare);
    expect(result.data).toEqual({
      reason: 'x',
      course: { title: 'First aid', letter: { documentId: 'id-a.pdf', name: 'a.pdf', contentType: 'application/pdf', size: 5 } },
    });
    expect(data).toEqual({ course: { title: 'First aid' }, reason: 'x' });
    expect(result.documents.map((d) => d.id)).toEqual(['id-a.pdf', 'id-b.pdf']);
  });

  it('names every document that breaks a rule, in one 400', () => {
    const body = refusal(() =>
      prepareLaunchDocuments(
        [{ ...file('empty.pdf'), content: '' }, file('a.pdf', 'data.reason'), file('b.pdf', 'data.reason.inner'), file('c.pdf', 'data.__proto__')],
        intake,
        { reason: 'text' },
        prepare,
      ),
    );
    expect(body).toMatchObject({
      details: [
        { field: 'documents[0]', messages: ['"empty.pdf" is empty'] },
        { field: 'documents[1].field', messages: ['data.reason is a text field of the intake, not a file'] },
        { field: 'documents[2].field', messages: ['data.reason.inner lies inside a value of data that is not an object'] },
        { field: 'documents[3].field', messages: ['data.__proto__ must be a path under data, such as data.referralLetter'] },
      ],
    });
  });
});
