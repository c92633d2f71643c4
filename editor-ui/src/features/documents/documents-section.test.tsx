import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CaseDocument } from '../../api/document-types';
import type { Me } from '../../api/types';
import { installFakeApi, type RecordedCall } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { DocumentsSection } from './documents-section';

afterEach(() => vi.unstubAllGlobals());

const writer: Me = { ...reviewer, permissions: [...reviewer.permissions, 'documents:write'] };
const viewer: Me = { ...reviewer, role: 'viewer', permissions: ['instances:read', 'tasks:read'] };

const aDocument = (overrides: Partial<CaseDocument> = {}): CaseDocument => ({
  id: 'doc-1',
  instanceId: 'case-1',
  name: 'referral.pdf',
  contentType: 'application/pdf',
  size: 20_480,
  sha256: 'a'.repeat(64),
  kind: 'intake',
  field: 'data.referralLetter',
  source: 'intake',
  taskId: null,
  addedBy: { type: 'user', id: 'user-9', name: 'Ada Admin' },
  createdAt: '2026-11-02T09:00:00.000Z',
  url: '/api/v1/documents/doc-1/content',
  ...overrides,
});

function show(me: Me, documents: CaseDocument[], upload?: (call: RecordedCall) => { status?: number; body?: unknown }) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: me }),
    'GET /instances/:id/documents': () => ({ body: { items: documents } }),
    ...(upload ? { 'POST /instances/:id/documents': upload } : {}),
  });
  renderPage('/instances/case-1', [{ path: '/instances/:instanceId', element: <DocumentsSection instanceId="case-1" taskId="task-3" /> }]);
  return api;
}

const section = () => screen.findByRole('region', { name: 'Documents' });

describe('DocumentsSection', () => {
  it('says when the case has no documents, and offers no upload without documents:write', async () => {
    show(viewer, []);
    expect(await within(await section()).findByText('No documents on this case yet.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Upload a document' })).not.toBeInTheDocument();
  });

  it('lists each file with its kind, size, who added it and when, and links to download it', async () => {
    show(viewer, [aDocument(), aDocument({ id: 'doc-2', name: 'notes.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', kind: 'supporting', field: null, source: 'reviewer', size: 900, url: '/api/v1/documents/doc-2/content' })]);
    const row = (await within(await section()).findByText('referral.pdf')).closest('tr')!;
    expect(row).toHaveTextContent('intake');
    expect(row).toHaveTextContent('20.0 KB');
    expect(row).toHaveTextContent('Ada Admin (intake form)');
    expect(within(row).getByRole('link', { name: 'Download referral.pdf' })).toHaveAttribute('href', '/api/v1/documents/doc-1/content');
    // A Word file cannot be shown in the page: no Preview, only Download.
    const word = screen.getByText('notes.docx').closest('tr')!;
    expect(within(word).queryByRole('button', { name: /Preview/ })).not.toBeInTheDocument();
    expect(within(word).getByRole('link', { name: 'Download notes.docx' })).toBeInTheDocument();
  });

  it('previews a PDF in a frame of the inline URL and an image as an image', async () => {
    show(viewer, [aDocument(), aDocument({ id: 'doc-3', name: 'scan.png', contentType: 'image/png', url: '/api/v1/documents/doc-3/content' })]);
    await userEvent.click(await screen.findByRole('button', { name: 'Preview referral.pdf' }));
    const pdf = screen.getByRole('region', { name: 'Preview of referral.pdf' });
    expect(within(pdf).getByTitle('referral.pdf')).toHaveAttribute('src', '/api/v1/documents/doc-1/content?inline=true');
    await userEvent.click(screen.getByRole('button', { name: 'Preview scan.png' }));
    expect(within(screen.getByRole('region', { name: 'Preview of scan.png' })).getByRole('img', { name: 'scan.png' })).toHaveAttribute(
      'src',
      '/api/v1/documents/doc-3/content?inline=true',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Close preview' }));
    expect(screen.queryByRole('region', { name: /Preview of/ })).not.toBeInTheDocument();
  });

  it('uploads a file with its kind and the task, as base64', async () => {
    const { calls } = show(writer, [], () => ({ status: 201, body: aDocument({ name: 'evidence.txt', contentType: 'text/plain' }) }));
    const form = await screen.findByRole('form', { name: 'Upload a document' });
    await userEvent.upload(within(form).getByLabelText('File'), new File(['hello'], 'evidence.txt', { type: 'text/plain' }));
    await userEvent.clear(within(form).getByLabelText('Kind'));
    await userEvent.type(within(form).getByLabelText('Kind'), 'evidence');
    await userEvent.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(await within(form).findByRole('status')).toHaveTextContent('Added evidence.txt.');
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({
      path: '/instances/case-1/documents',
      body: { name: 'evidence.txt', contentType: 'text/plain', content: btoa('hello'), kind: 'evidence', taskId: 'task-3' },
    });
    // The list is read again, so the new file shows.
    await waitFor(() => expect(calls.filter((call) => call.method === 'GET' && call.path === '/instances/case-1/documents')).toHaveLength(2));
  });

  it('shows the backend refusal and adds nothing', async () => {
    const { calls } = show(writer, [], () => ({
      status: 400,
      body: { statusCode: 400, message: 'fake.pdf is not a PDF: its bytes do not start with %PDF-' },
    }));
    const form = await screen.findByRole('form', { name: 'Upload a document' });
    await userEvent.upload(within(form).getByLabelText('File'), new File(['MZ'], 'fake.pdf', { type: 'application/pdf' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Not added: fake.pdf is not a PDF: its bytes do not start with %PDF-');
    expect(screen.getByText('No documents on this case yet.')).toBeInTheDocument();
    expect(within(form).queryByRole('status')).not.toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'GET' && call.path === '/instances/case-1/documents')).toHaveLength(1);
  });

  it('shows a 413 in words', async () => {
    show(writer, [], () => ({ status: 413, body: { statusCode: 413, message: 'big.pdf is larger than the 10 MB limit' } }));
    const form = await screen.findByRole('form', { name: 'Upload a document' });
    await userEvent.upload(within(form).getByLabelText('File'), new File(['%PDF-'], 'big.pdf', { type: 'application/pdf' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('big.pdf is larger than the 10 MB limit');
  });
});
