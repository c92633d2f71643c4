import { createHash } from 'node:crypto';
import { DEFAULT_DOCUMENT_TYPES } from '../config/documents';
import { checkDocumentContent, isProblem } from './document-rules';

const limits = { maxBytes: 100, types: DEFAULT_DOCUMENT_TYPES };
const file = (name: string, contentType: string, bytes: Buffer | string) => ({
  name,
  contentType,
  content: Buffer.from(bytes).toString('base64'),
});
const problemOf = (input: ReturnType<typeof file>, given = limits): string | null => {
  const result = checkDocumentContent(input, given);
  return isProblem(result) ? result.problem : null;
};

describe('checkDocumentContent', () => {
  it('accepts a file of an allowed type whose bytes match it, with its size and checksum', () => {
    const bytes = Buffer.from('%PDF-1.7\n%%EOF');
    const result = checkDocumentContent(file('letter.pdf', 'application/pdf', bytes), limits);
    expect(result).toEqual({ name: 'letter.pdf', contentType: 'application/pdf', bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
  });

  it('keeps only the MIME type of a content type with parameters', () => {
    const result = checkDocumentContent(file('notes.txt', 'Text/Plain; charset=utf-8', 'hello'), limits);
    expect(isProblem(result) ? null : result.contentType).toBe('text/plain');
  });

  it.each([
    ['a PDF', 'application/pdf', 'not a pdf', '"x" is not a valid application/pdf file: a PDF starts with %PDF-'],
    ['a PNG', 'image/png', 'PNG-ish', '"x" is not a valid image/png file: a PNG starts with the PNG signature (89 50 4E 47 0D 0A 1A 0A)'],
    ['a JPEG', 'image/jpeg', Buffer.from([0xff, 0xd8, 0x00]), '"x" is not a valid image/jpeg file: a JPEG starts with FF D8 FF'],
    ['a GIF', 'image/gif', 'GIF90a', '"x" is not a valid image/gif file: a GIF starts with GIF87a or GIF89a'],
    ['a .docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'plain', '"x" is not a valid application/vnd.openxmlformats-officedocument.wordprocessingml.document file: a .docx is a ZIP archive (starts with PK)'],
  ])('refuses %s whose bytes are something else', (_what, type, bytes, message) => {
    expect(problemOf(file('x', type, bytes))).toBe(message);
  });

  it.each([
    ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1])],
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
    ['image/gif', 'GIF87a...'],
    ['text/csv', 'a,b\n1,2\n'],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK\u0003\u0004rest'],
  ])('accepts a real %s', (type, bytes) => {
    expect(problemOf(file('x', type, bytes))).toBeNull();
  });

  it('refuses text with NUL bytes', () => {
    expect(problemOf(file('x.txt', 'text/plain', Buffer.from([0x61, 0x00])))).toBe('"x.txt" is not text: it contains NUL bytes, which text/plain never does');
  });

  it('refuses an empty file', () => {
    expect(problemOf(file('empty.pdf', 'application/pdf', ''))).toBe('"empty.pdf" is empty');
  });

  it('refuses a file over the configured size, and takes one at exactly the size', () => {
    const small = { maxBytes: 10, types: ['text/plain'] };
    expect(problemOf(file('big.txt', 'text/plain', 'x'.repeat(11)), small)).toBe('"big.txt" is 11 bytes; the largest file accepted is 10 bytes');
    expect(problemOf(file('fits.txt', 'text/plain', 'x'.repeat(10)), small)).toBeNull();
  });

  it('refuses a type that is not configured, listing the ones that are', () => {
    expect(problemOf(file('page.html', 'text/html', '<b>hi</b>'))).toBe(
      `"page.html" is text/html, which is not accepted; accepted types are ${DEFAULT_DOCUMENT_TYPES.join(', ')}`,
    );
    expect(problemOf(file('a.pdf', 'application/pdf', '%PDF-1.4'), { maxBytes: 100, types: ['image/png'] })).toBe(
      '"a.pdf" is application/pdf, which is not accepted; accepted types are image/png',
    );
  });
});
