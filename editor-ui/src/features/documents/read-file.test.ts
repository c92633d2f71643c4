import { describe, expect, it } from 'vitest';
import { readFileAsBase64, toDocumentUpload } from './read-file';

const PDF = '%PDF-1.4\n%âãÏÓ\n1 0 obj\n';

describe('reading a picked file', () => {
  it('gives the bytes as plain base64, not a data URL', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    await expect(readFileAsBase64(new Blob([bytes]))).resolves.toBe(Buffer.from(bytes).toString('base64'));
  });

  it('builds the document entry with the file name, its type and the extra fields', async () => {
    const file = new File([PDF], 'referral.pdf', { type: 'application/pdf' });
    const upload = await toDocumentUpload(file, { kind: 'intake', field: 'data.referralLetter' });
    expect(upload).toEqual({
      name: 'referral.pdf',
      contentType: 'application/pdf',
      content: Buffer.from(PDF, 'utf8').toString('base64'),
      kind: 'intake',
      field: 'data.referralLetter',
    });
  });

  it('declares a file the browser cannot type as octet-stream, for the backend to judge', async () => {
    const upload = await toDocumentUpload(new File(['x'], 'notes.weird'));
    expect(upload.contentType).toBe('application/octet-stream');
  });
});
