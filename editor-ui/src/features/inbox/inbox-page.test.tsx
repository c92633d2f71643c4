import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../../api/types';
import { installFakeApi } from '../../test/fake-api';
import { aTask, reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { InboxPage } from './inbox-page';

afterEach(() => vi.unstubAllGlobals());

function setup(tasks: Task[]) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: reviewer }),
    'GET /tasks/counts': () => ({ body: [{ queue: { id: 'q', key: 'advisors', name: 'Advisors' }, open: tasks.length, overdue: 1 }] }),
    'GET /tasks': () => ({ body: { items: tasks, total: tasks.length, limit: 25, offset: 0 } }),
    'GET /processes': () => ({ body: [] }),
    'POST /tasks/:id/claim': (call) => ({ body: { ...tasks.find((t) => call.path.includes(t.id)), status: 'claimed' } }),
    'POST /tasks/:id/decide': () => ({ body: aTask({ status: 'decided' }) }),
  });
  const view = renderPage('/inbox', [
    { path: '/inbox', element: <InboxPage /> },
    { path: '/tasks/:taskId', element: <p>task page</p> },
  ]);
  return { ...api, ...view };
}

const past = new Date(Date.now() - 3_600_000).toISOString();
const later = new Date(Date.now() + 86_400_000).toISOString();
const tasks = [
  aTask({ id: 'a', title: 'First task', dueAt: past, createdAt: new Date(Date.now() - 7_200_000).toISOString() }),
  aTask({ id: 'b', title: 'Second task', dueAt: later, createdAt: new Date().toISOString(), decisions: [{ key: 'approve', label: 'Approve' }] }),
];

describe('InboxPage', () => {
  it('lists the tasks with SLA colours and the queue counts', async () => {
    setup(tasks);
    const first = await screen.findByRole('row', { name: /First task/ });
    expect(within(first).getByText('Breached')).toHaveAttribute('data-sla', 'breached');
    expect(within(screen.getByRole('row', { name: /Second task/ })).getByText('On time')).toHaveAttribute('data-sla', 'on_time');
    expect(screen.getByRole('button', { name: /Advisors/ })).toHaveTextContent('2');
  });

  it('moves with j/k and claims the current task with c', async () => {
    const { calls } = setup(tasks);
    await screen.findByText('First task');
    await userEvent.keyboard('jj');
    expect(screen.getByRole('row', { name: /Second task/ })).toHaveAttribute('aria-current', 'true');
    await userEvent.keyboard('k');
    expect(screen.getByRole('row', { name: /First task/ })).toHaveAttribute('aria-current', 'true');
    await userEvent.keyboard('c');
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/tasks/a/claim')).toBe(true));
  });

  it('decides with a number key, but opens the task when the decision needs a comment', async () => {
    const { calls, router } = setup(tasks);
    await screen.findByText('First task');
    await userEvent.keyboard('jj1');
    await waitFor(() => expect(calls.find((c) => c.path === '/tasks/b/decide')?.body).toEqual({ decision: 'approve' }));
    await userEvent.keyboard('k2');
    await waitFor(() => expect(router.state.location.pathname).toBe('/tasks/a'));
    expect(router.state.location.search).toBe('?decision=reject');
    expect(calls.some((c) => c.path === '/tasks/a/decide')).toBe(false);
  });

  it('opens the shortcut help with ?', async () => {
    setup(tasks);
    await screen.findByText('First task');
    await userEvent.keyboard('?');
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts', hidden: true })).toHaveAttribute('open');
  });

  it('bulk decides the selected tasks with one comment', async () => {
    const { calls } = setup(tasks);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select all tasks on this page' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Decision' }), 'approve');
    await userEvent.type(screen.getByRole('textbox', { name: /Comment/ }), 'Batch ok');
    await userEvent.click(screen.getByRole('button', { name: 'Decide 2' }));
    await waitFor(() => expect(calls.filter((c) => c.path.endsWith('/decide'))).toHaveLength(2));
    expect(calls.filter((c) => c.path.endsWith('/decide')).map((c) => c.body)).toEqual([
      { decision: 'approve', comment: 'Batch ok' },
      { decision: 'approve', comment: 'Batch ok' },
    ]);
    expect(await screen.findByRole('status')).toHaveTextContent('Decided 2 tasks.');
  });

  it('marks the tasks of stalled cases with a Stalled badge that says since when', async () => {
    setup([aTask({ id: 'a', title: 'Stuck task', stalledAt: '2030-01-03T10:00:00Z' }), aTask({ id: 'b', title: 'Moving task', stalledAt: null })]);
    const stuck = await screen.findByRole('row', { name: /Stuck task/ });
    expect(within(stuck).getByText('Stalled')).toHaveAttribute('title', expect.stringMatching(/^Stalled since .+2030/));
    expect(within(screen.getByRole('row', { name: /Moving task/ })).queryByText('Stalled')).not.toBeInTheDocument();
  });

  it('says so when nothing is waiting', async () => {
    setup([]);
    expect(await screen.findByText('Nothing waiting here')).toBeInTheDocument();
  });
});
