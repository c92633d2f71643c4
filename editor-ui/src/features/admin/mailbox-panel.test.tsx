import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../api/timeline-types';
import { installFakeApi } from '../../test/fake-api';
import { admin } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { MailboxPanel } from './mailbox-panel';

afterEach(() => vi.unstubAllGlobals());

const certificate: Message = {
  id: 'm-1',
  subject: 'Your certificate',
  recipients: ['ada@example.test'],
  status: 'sent',
  kind: 'customer',
  text: 'Well done',
  attachments: [
    { filename: 'certificate.pdf', contentType: 'application/pdf', size: 14_540, url: '/api/v1/messages/m-1/attachments/0' },
    { filename: 'notes.txt', contentType: 'text/plain', size: 820, url: '/messages/m-1/attachments/1' },
  ],
  createdAt: '2026-11-02T09:00:00.000Z',
};
const reminder: Message = { id: 'm-2', subject: 'Invoice overdue', recipients: ['payer@example.test'], status: 'sent', kind: 'finance', attachments: [], createdAt: '2026-11-02T10:00:00.000Z' };

describe('MailboxPanel', () => {
  it('lists each message with its kind and its attachments to download or open', async () => {
    installFakeApi({ 'GET /auth/me': () => ({ body: admin }), 'GET /mailbox': () => ({ body: { items: [certificate], total: 1, limit: 100, offset: 0 } }) });
    renderPage('/admin/mailbox', [{ path: '/admin/mailbox', element: <MailboxPanel /> }]);
    // The subject shows in the card and again in the message body.
    const card = (await screen.findAllByText('Your certificate'))[0]!.closest('li')!;
    expect(within(card).getByText('Customer')).toHaveAttribute('data-kind', 'customer');
    const files = within(card).getByRole('list', { name: 'Attachments' });
    expect(files).toHaveTextContent('certificate.pdf 14.2 KB');
    expect(within(files).getByRole('link', { name: 'Download certificate.pdf' })).toHaveAttribute('href', '/api/v1/messages/m-1/attachments/0');
    expect(within(files).getByRole('link', { name: 'Open certificate.pdf' })).toHaveAttribute('href', '/api/v1/messages/m-1/attachments/0?inline=true');
    expect(within(files).getByRole('link', { name: 'Download notes.txt' })).toHaveAttribute('href', '/api/v1/messages/m-1/attachments/1');
    // Only PDFs open in the browser.
    expect(within(files).queryByRole('link', { name: 'Open notes.txt' })).not.toBeInTheDocument();
  });

  it('asks the backend for one kind when filtered', async () => {
    const { calls } = installFakeApi({
      'GET /auth/me': () => ({ body: admin }),
      'GET /mailbox': (call) => ({ body: { items: call.query.get('kind') === 'finance' ? [reminder] : [certificate, reminder], total: 2, limit: 100, offset: 0 } }),
    });
    renderPage('/admin/mailbox', [{ path: '/admin/mailbox', element: <MailboxPanel /> }]);
    await screen.findAllByText('Your certificate');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'finance');
    await waitFor(() => expect(screen.queryAllByText('Your certificate')).toHaveLength(0));
    expect(screen.getAllByText('Invoice overdue').length).toBeGreaterThan(0);
    expect(calls.filter((c) => c.path === '/mailbox').map((c) => c.query.get('kind'))).toEqual([null, 'finance']);
  });
});
