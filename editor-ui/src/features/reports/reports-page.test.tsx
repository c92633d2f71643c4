import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import ReportsPage from './reports-page';

afterEach(() => vi.unstubAllGlobals());

describe('ReportsPage', () => {
  it('loads each report once and links its CSV with the same filters', async () => {
    const { calls } = installFakeApi({
      'GET /auth/me': () => ({ body: reviewer }),
      'GET /processes': () => ({ body: { items: [], total: 0, limit: 50, offset: 0 } }),
      'GET /reports/decisions': () => ({ body: { rows: [{ processKey: 'p', stageKey: 'review', decision: 'refer', count: 2, rate: 0.5 }] } }),
      'GET /reports/:name': () => ({ body: { rows: [] } }),
    });
    renderPage('/reports?process=student-support&period=7d', [{ path: '/reports', element: <ReportsPage /> }]);
    const decisions = await screen.findByRole('region', { name: 'Decisions' });
    expect(await within(decisions).findByRole('cell', { name: 'refer' })).toBeInTheDocument();
    expect(within(decisions).getByRole('cell', { name: '50%' })).toBeInTheDocument();
    const csv = within(decisions).getByRole('link', { name: /Download CSV/ }).getAttribute('href') ?? '';
    expect(csv).toMatch(/^\/api\/v1\/reports\/decisions\?processKey=student-support&from=.+&format=csv$/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The period's start is held steady: re-rendering must not start new queries.
    expect(calls.filter((c) => c.path === '/reports/decisions')).toHaveLength(1);
    expect(calls.find((c) => c.path === '/reports/decisions')?.query.get('processKey')).toBe('student-support');
  });

  it('names processes and stages in the tables instead of showing their keys', async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: reviewer }),
      'GET /processes': () => ({
        body: { items: [{ key: 'bookings', name: 'Course bookings', version: 1, stages: [{ key: 'confirm', name: 'Send the confirmation' }], decisions: [] }], total: 1, limit: 50, offset: 0 },
      }),
      'GET /reports/volume': () => ({ body: { rows: [{ processKey: 'bookings', stageKey: 'confirm', status: 'active', count: 3 }] } }),
      'GET /reports/:name': () => ({ body: { rows: [] } }),
    });
    renderPage('/reports?period=all', [{ path: '/reports', element: <ReportsPage /> }]);
    const volume = await screen.findByRole('region', { name: 'Volume' });
    expect(await within(volume).findByRole('cell', { name: 'Course bookings' })).toBeInTheDocument();
    expect(within(volume).getByRole('cell', { name: 'Send the confirmation' })).toBeInTheDocument();
    expect(within(volume).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Process', 'Stage', 'Status', 'Count']);
    expect(within(volume).queryByRole('cell', { name: 'bookings' })).not.toBeInTheDocument();
    expect(within(volume).queryByRole('cell', { name: 'confirm' })).not.toBeInTheDocument();
  });

  it('shows the messages report per process and kind, filtered by kind on request', async () => {
    const { calls } = installFakeApi({
      'GET /auth/me': () => ({ body: reviewer }),
      'GET /processes': () => ({ body: [] }),
      'GET /reports/messages': (call) => ({
        body: { rows: [{ processKey: 'invoices', kind: call.query.get('kind') ?? 'customer', sent: 4, queued: 1, failed: 0 }] },
      }),
      'GET /reports/:name': () => ({ body: { rows: [] } }),
    });
    renderPage('/reports?period=all', [{ path: '/reports', element: <ReportsPage /> }]);
    const messages = await screen.findByRole('region', { name: 'Messages' });
    expect(await within(messages).findByRole('cell', { name: 'customer' })).toBeInTheDocument();
    expect(within(messages).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(['Process', 'Kind', 'Sent', 'Queued', 'Failed']);
    await userEvent.selectOptions(within(messages).getByLabelText('Kind'), 'finance');
    expect(await within(messages).findByRole('cell', { name: 'finance' })).toBeInTheDocument();
    await waitFor(() => expect(calls.filter((c) => c.path === '/reports/messages').map((c) => c.query.get('kind'))).toEqual([null, 'finance']));
    expect(within(messages).getByRole('link', { name: /Download CSV/ }).getAttribute('href')).toBe('/api/v1/reports/messages?kind=finance&format=csv');
    // The other reports have no kind filter and are not asked again.
    expect(calls.filter((c) => c.path === '/reports/volume')).toHaveLength(1);
  });
});
