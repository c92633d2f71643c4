import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessagePreviewInput, MessageTemplate } from '../../api/message-types';
import { installFakeApi, type RecordedCall } from '../../test/fake-api';
import { admin } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import MessageTemplateEditorPage from './message-template-editor-page';
import { PREVIEW_DELAY_MS } from './use-live-preview';

const template: MessageTemplate = {
  id: 't-1',
  key: 'certificate',
  version: 1,
  name: 'Certificate',
  channel: 'email',
  kind: 'customer',
  subject: 'Your certificate, {{entity.name}}',
  html: '<p>Well done {{entity.name}}</p>',
  text: 'Well done {{entity.name}}',
  sampleData: { entity: { name: 'Sample Sam' } },
  documents: [{ filename: 'certificate.pdf', title: 'Certificate', body: '# Certificate\n\n{{entity.name}}' }],
  createdAt: '2026-11-02T09:00:00.000Z',
};

const render = (subject: string) => subject.replace(/\{\{entity\.name\}\}/g, 'Ada Lovelace');
const previews = (calls: RecordedCall[]) => calls.filter((c) => c.method === 'POST' && c.path === '/message-templates/preview').map((c) => c.body as MessagePreviewInput);

function setup(preview: (body: MessagePreviewInput) => { status?: number; body?: unknown } = (body) => ({
  body: { subject: render(body.subject), html: render(body.html), text: render(body.text), documents: [{ filename: 'certificate.pdf', title: 'Certificate', size: 2048 }] },
})) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: admin }),
    'GET /processes': () => ({ body: [] }),
    'GET /instances': () => ({ body: { items: [], total: 0, limit: 100, offset: 0 } }),
    'GET /message-templates/:key': () => ({ body: template }),
    'GET /message-templates/:key/versions': () => ({ body: { items: [template], total: 1, limit: 100, offset: 0 } }),
    'POST /message-templates/preview': (call) => preview(call.body as MessagePreviewInput),
    'POST /message-templates': (call) => ({ status: 201, body: { ...template, ...(call.body as object), version: 2 } }),
  });
  const view = renderPage('/admin/message-templates/certificate', [
    { path: '/admin/message-templates/:key', element: <MessageTemplateEditorPage /> },
    { path: '/admin/message-templates', element: <p>list</p> },
  ]);
  return { ...api, ...view };
}

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('message template editor', () => {
  it('renders the saved version in the preview, then re-renders once typing has paused', async () => {
    const { calls } = setup();
    const preview = await screen.findByRole('region', { name: 'Preview' });
    await within(preview).findByText('Your certificate, Ada Lovelace');
    expect(previews(calls)).toHaveLength(1);

    const subject = screen.getByLabelText('Subject');
    await userEvent.clear(subject);
    await userEvent.type(subject, 'Well done {{{{entity.name}}!');
    await within(preview).findByText('Well done Ada Lovelace!', {}, { timeout: PREVIEW_DELAY_MS * 5 });
    // One request for the settled text: none for the characters typed on the way.
    expect(previews(calls).map((b) => b.subject)).toEqual(['Your certificate, {{entity.name}}', 'Well done {{entity.name}}!']);
    expect(within(preview).getByTitle('HTML preview')).toHaveAttribute('sandbox', '');
    expect(within(preview).getByRole('button', { name: 'Open PDF certificate.pdf' })).toBeInTheDocument();
  });

  it('aborts a preview still rendering once a newer draft is sent', async () => {
    const { fetchMock } = setup();
    const answer = fetchMock.getMockImplementation()!;
    const aborted: string[] = [];
    let held = false;
    // The first preview never answers on its own: only an abort ends it.
    fetchMock.mockImplementation((input, init) => {
      if (held || !String(input).endsWith('/message-templates/preview')) return answer(input, init);
      held = true;
      const subject = (JSON.parse(String(init!.body)) as MessagePreviewInput).subject;
      return new Promise((_, reject) =>
        init!.signal!.addEventListener('abort', () => {
          aborted.push(subject);
          reject(new DOMException('Aborted', 'AbortError'));
        }),
      );
    });
    const preview = await screen.findByRole('region', { name: 'Preview' });
    await userEvent.type(await screen.findByLabelText('Subject'), '!');
    await within(preview).findByText('Your certificate, Ada Lovelace!', {}, { timeout: PREVIEW_DELAY_MS * 5 });
    expect(aborted).toEqual(['Your certificate, {{entity.name}}']);
  });

  it('previews against the case chosen last time, without the sample data', async () => {
    window.localStorage.setItem('caseflow.message-preview.case', JSON.stringify({ id: 'case-7', label: 'Ada Lovelace · Bookings' }));
    const { calls } = setup();
    await waitFor(() => expect(previews(calls)).toHaveLength(1));
    expect(previews(calls)[0]).toMatchObject({ instanceId: 'case-7' });
    expect(previews(calls)[0]).not.toHaveProperty('data');
    expect(screen.getByLabelText('Case')).toHaveDisplayValue('Ada Lovelace · Bookings');
  });

  it('shows a template error next to the field it names', async () => {
    setup((body) =>
      body.documents[0]?.body.includes('{{#if')
        ? { status: 400, body: { statusCode: 400, message: 'documents[0].body: Parse error', details: [{ field: 'documents[0].body', messages: ['Parse error on line 3'] }] } }
        : { body: { subject: body.subject, html: '', text: '', documents: [] } },
    );
    await screen.findByText(/^Subject:/);
    const document = screen.getByRole('group', { name: 'Document 1' });
    const body = within(document).getByLabelText('Body');
    await userEvent.type(body, '{{{{#if');
    expect(await within(document).findByText('Parse error on line 3')).toBeInTheDocument();
    expect(body).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Subject')).not.toHaveAttribute('aria-invalid');
    expect(within(screen.getByRole('region', { name: 'Preview' })).getByRole('alert')).toHaveTextContent('see the fields marked');
  });

  it('saves a new version and says which', async () => {
    const { calls } = setup();
    const save = await screen.findByRole('button', { name: 'Save' });
    expect(save).toBeDisabled();
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'finance');
    await userEvent.type(screen.getByLabelText('Subject'), ' (copy)');
    await userEvent.click(save);
    expect(await screen.findByText('Saved as version 2.')).toBeInTheDocument();
    const saved = calls.filter((c) => c.method === 'POST' && c.path === '/message-templates');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.body).toMatchObject({ key: 'certificate', kind: 'finance', subject: 'Your certificate, {{entity.name}} (copy)', sampleData: { entity: { name: 'Sample Sam' } } });
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  it('creates a template at version 1 and moves to its own address without asking', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { calls } = installFakeApi({
      'GET /auth/me': () => ({ body: admin }),
      'GET /processes': () => ({ body: [] }),
      'GET /instances': () => ({ body: { items: [], total: 0, limit: 100, offset: 0 } }),
      'GET /message-templates/:key': () => ({ body: template }),
      'GET /message-templates/:key/versions': () => ({ body: { items: [template], total: 1, limit: 100, offset: 0 } }),
      'POST /message-templates/preview': (call) => ({ body: { ...(call.body as object), documents: [] } }),
      'POST /message-templates': (call) => ({ status: 201, body: { ...template, ...(call.body as object), version: 1 } }),
    });
    const { router } = renderPage('/admin/message-templates/new', [
      { path: '/admin/message-templates/new', element: <MessageTemplateEditorPage /> },
      { path: '/admin/message-templates/:key', element: <MessageTemplateEditorPage /> },
    ]);
    await userEvent.type(await screen.findByLabelText('Name'), 'Certificate');
    await userEvent.type(screen.getByLabelText('Key'), 'certificate');
    await userEvent.type(screen.getByLabelText('Subject'), 'Hello');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved as version 1.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/admin/message-templates/certificate');
    expect(confirm).not.toHaveBeenCalled();
    expect(calls.find((c) => c.method === 'POST' && c.path === '/message-templates')?.body).toMatchObject({ key: 'certificate', name: 'Certificate', subject: 'Hello' });
  });

  it('asks before leaving with unsaved changes', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    const { router } = setup();
    await userEvent.type(await screen.findByLabelText('Name'), ' v2');
    void router.navigate('/admin/message-templates');
    await waitFor(() => expect(confirm).toHaveBeenCalledOnce());
    expect(router.state.location.pathname).toBe('/admin/message-templates/certificate');
  });
});
