import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Instance, InstanceFailure, Me } from '../../api/types';
import { installFakeApi } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { FailureBanner } from './failure-banner';

afterEach(() => vi.unstubAllGlobals());

const designer: Me = { ...reviewer, role: 'designer', permissions: [...reviewer.permissions, 'instances:write'] };

const executionFailure: InstanceFailure = {
  message: 'Invalid email address "bob@"',
  node: 'Send Templated Message',
  executionId: '412',
  workflowId: 'wf-7',
  executionUrl: 'https://n8n.example.test/workflow/wf-7/executions/412',
  source: 'execution',
  at: '2026-11-02T09:00:00.000Z',
};

const failed = (failure: InstanceFailure | null = executionFailure): Pick<Instance, 'id' | 'status' | 'failure'> => ({ id: 'instance-1', status: 'failed', failure });

function renderBanner(instance: Pick<Instance, 'id' | 'status' | 'failure'>, me: Me = designer) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: me }),
    'POST /instances/:id/retry': () => ({ body: { ...instance, status: 'active', failure: null } }),
    'POST /instances/:id/cancel': () => ({ body: { ...instance, status: 'cancelled', failure: null } }),
  });
  const view = renderPage('/instances/instance-1', [{ path: '/instances/:instanceId', element: <FailureBanner instance={instance} /> }]);
  return { ...api, ...view };
}

describe('FailureBanner', () => {
  it("shows n8n's message, the failed node and a link to the execution", async () => {
    renderBanner(failed());
    expect(await screen.findByRole('heading', { name: 'Needs attention' })).toBeInTheDocument();
    expect(screen.getByText('The n8n execution failed in “Send Templated Message”.')).toBeInTheDocument();
    expect(screen.getByText('Invalid email address "bob@"')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the execution in n8n' })).toHaveAttribute('href', executionFailure.executionUrl);
  });

  it('retries the case and refreshes it', async () => {
    const { calls, queryClient } = renderBanner(failed());
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/instances/instance-1/retry')).toBe(true));
    await waitFor(() => expect(invalidate).toHaveBeenCalledWith({ queryKey: ['instances'] }));
    expect(calls.some((c) => c.path.endsWith('/cancel'))).toBe(false);
  });

  it('cancels only once the cancellation is confirmed', async () => {
    const { calls } = renderBanner(failed());
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel case' }));
    expect(screen.getByRole('dialog', { name: 'Cancel this case?', hidden: true })).toHaveAttribute('open');
    await userEvent.click(screen.getByRole('button', { name: 'Keep it', hidden: true }));
    expect(calls.some((c) => c.path.endsWith('/cancel'))).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Cancel case' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel the case', hidden: true }));
    await waitFor(() => expect(calls.find((c) => c.path === '/instances/instance-1/cancel')?.body).toEqual({ reason: 'Cancelled after it failed' }));
  });

  it('says when n8n refused to resume, and offers no link it does not have', async () => {
    renderBanner(failed({ ...executionFailure, source: 'resume', node: null, executionUrl: null, message: 'The Caseflow API credential has no Signing Secret' }));
    expect(await screen.findByText('n8n refused to resume the execution waiting on this case.')).toBeInTheDocument();
    expect(screen.getByText('The Caseflow API credential has no Signing Secret')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open the execution in n8n' })).not.toBeInTheDocument();
  });

  it('offers no actions to those who may not change cases, and shows nothing for a healthy case', async () => {
    const { unmount } = renderBanner(failed(), { ...reviewer, role: 'viewer', permissions: ['instances:read'] });
    expect(await screen.findByRole('heading', { name: 'Needs attention' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    unmount();
    renderBanner({ id: 'instance-1', status: 'active', failure: null });
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Needs attention' })).not.toBeInTheDocument());
  });
});
