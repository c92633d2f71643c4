import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeApi } from '../../test/fake-api';
import { aTaskDetail, reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { NeedsAttentionPage } from './needs-attention-page';

afterEach(() => vi.unstubAllGlobals());

const failedCase = {
  ...aTaskDetail().instance,
  status: 'failed',
  entity: aTaskDetail().entity,
  failure: {
    message: 'Invalid email address "bob@"',
    node: 'Send Templated Message',
    executionId: '412',
    workflowId: 'wf-7',
    executionUrl: null,
    source: 'execution',
    at: '2026-11-02T09:00:00.000Z',
  },
};

describe('NeedsAttentionPage', () => {
  it('lists the failed cases with their record, failed node and message', async () => {
    const { calls } = installFakeApi({
      'GET /auth/me': () => ({ body: reviewer }),
      'GET /instances': () => ({ body: { items: [failedCase], total: 1, limit: 25, offset: 0 } }),
    });
    renderPage('/attention', [{ path: '/attention', element: <NeedsAttentionPage /> }]);
    const row = (await screen.findByRole('link', { name: 'student-support' })).closest('tr')!;
    expect(within(row).getByText('Ada Lovelace (S-1)')).toBeInTheDocument();
    expect(within(row).getByText('Send Templated Message')).toBeInTheDocument();
    expect(within(row).getByText('Invalid email address "bob@"')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'student-support' })).toHaveAttribute('href', '/instances/instance-1');
    expect(calls.find((c) => c.path === '/instances')?.query.get('status')).toBe('failed');
  });

  it('says so when nothing needs attention', async () => {
    installFakeApi({
      'GET /auth/me': () => ({ body: reviewer }),
      'GET /instances': () => ({ body: { items: [], total: 0, limit: 25, offset: 0 } }),
    });
    renderPage('/attention', [{ path: '/attention', element: <NeedsAttentionPage /> }]);
    expect(await screen.findByText('Nothing needs attention')).toBeInTheDocument();
  });
});
