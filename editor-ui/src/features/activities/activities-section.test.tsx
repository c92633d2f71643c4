import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ActivityResponse } from '../../api/activity-types';
import type { Me } from '../../api/types';
import { installFakeApi, type RecordedCall } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { ME_KEY } from '../../session/session';
import { renderPage } from '../../test/render';
import { useInstanceDetail } from '../instance/use-instance-detail';
import { ActivitiesSection } from './activities-section';
import { anActivity, PEOPLE } from './test-fixtures';

afterEach(() => vi.unstubAllGlobals());

const writer: Me = { ...reviewer, permissions: [...reviewer.permissions, 'activities:write'] };
const AGENDA_KEY = ['me', 'agenda', 14];

const later = anActivity({ id: 'act-2', title: 'Send the forms', kind: 'to-do', dueAt: '2026-12-20T09:00:00.000Z' });
const overdue = anActivity({ id: 'act-1', title: 'Call the student', dueAt: '2026-12-01T10:00:00.000Z', overdue: true });
const meeting = anActivity({ id: 'act-3', title: 'Meet Ada', kind: 'event', dueAt: null, startAt: '2026-12-10T14:00:00.000Z', endAt: '2026-12-10T15:00:00.000Z', assignee: { id: 'user-2', name: 'Grace Hopper' } });
const done = anActivity({ id: 'act-4', title: 'Book a room', status: 'done', completedBy: { id: 'user-1', name: 'Rita Reviewer' }, completedAt: '2026-12-02T10:00:00.000Z' });

/** The section as the case page shows it: its activities come with the instance detail. */
function CaseActivities() {
  const detail = useInstanceDetail('case-1');
  return detail.data ? <ActivitiesSection instanceId="case-1" activities={detail.data.activities} /> : null;
}

function show(me: Me, activities: ActivityResponse[] | undefined, changes: Record<string, (call: RecordedCall) => { status?: number; body?: unknown }> = {}) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: me }),
    'GET /people': () => ({ body: PEOPLE }),
    'GET /instances/:id': () => ({ body: { id: 'case-1', stageVisits: [], timeline: [], messages: [], timers: [], escalations: [], ...(activities ? { activities } : {}) } }),
    'GET /instances/:id/activities': () => ({ body: [later, overdue] }),
    ...changes,
  });
  const view = renderPage('/instances/case-1', [{ path: '/instances/:instanceId', element: <CaseActivities /> }]);
  view.queryClient.setQueryData(AGENDA_KEY, { overdue: [], days: [], undated: [] });
  return { ...api, ...view };
}

const section = () => screen.findByRole('region', { name: 'Activities' });
const detailReads = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'GET' && call.path === '/instances/case-1').length;

describe('ActivitiesSection', () => {
  it('lists open activities soonest first, with kind, time, assignee and an overdue marker; done ones folded away', async () => {
    show(writer, [done, later, meeting, overdue]);
    const open = within(await section()).getByRole('list', { name: 'Open activities' });
    const items = within(open).getAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual(['Call the student', 'Meet Ada', 'Send the forms']);
    expect(items[0]).toHaveTextContent('Follow-up');
    expect(within(items[0]!).getByText('Overdue')).toBeInTheDocument();
    expect(items[0]).toHaveTextContent(/due .*· Rita Reviewer/);
    expect(within(items[1]!).queryByText('Overdue')).not.toBeInTheDocument();
    expect(items[1]).toHaveTextContent('Event');
    expect(items[1]).toHaveTextContent('Grace Hopper');
    expect(screen.getByText('Done and cancelled (1)')).toBeInTheDocument();
    const closed = screen.getByRole('list', { name: 'Done and cancelled activities', hidden: true });
    expect(within(closed).getByRole('listitem', { hidden: true })).toHaveTextContent(/Done .* by Rita Reviewer/);
    expect(within(closed).getByRole('button', { name: 'Reopen Book a room', hidden: true })).toBeInTheDocument();
    expect(within(closed).queryByRole('button', { name: /Complete/, hidden: true })).not.toBeInTheDocument();
  });

  it('completes an activity, then reads the case and the agenda afresh', async () => {
    const { calls, queryClient } = show(writer, [overdue], { 'POST /activities/:id/complete': () => ({ body: { ...overdue, status: 'done' } }) });
    await userEvent.click(await within(await section()).findByRole('button', { name: 'Complete Call the student' }));
    await waitFor(() => expect(detailReads(calls)).toBe(2));
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/activities/act-1/complete']);
    expect(queryClient.getQueryState(AGENDA_KEY)?.isInvalidated).toBe(true);
  });

  it('moves a follow-up to a new due time, refusing an empty one first', async () => {
    const { calls } = show(writer, [overdue], { 'PATCH /activities/:id': () => ({ body: overdue }) });
    await userEvent.click(await within(await section()).findByRole('button', { name: 'Move Call the student' }));
    const move = screen.getByRole('form', { name: 'Move Call the student' });
    const due = within(move).getByLabelText('Due');
    expect(due).toHaveValue('2026-12-01T10:00');
    await userEvent.clear(due);
    await userEvent.click(within(move).getByRole('button', { name: 'Save' }));
    expect(due).toHaveAccessibleDescription('A follow-up needs a due time.');
    expect(calls.some((call) => call.method === 'PATCH')).toBe(false);
    await userEvent.type(due, '2026-12-11T09:30');
    await userEvent.click(within(move).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Move Call the student' })).not.toBeInTheDocument());
    expect(calls.find((call) => call.method === 'PATCH')).toMatchObject({ path: '/activities/act-1', body: { dueAt: new Date('2026-12-11T09:30').toISOString() } });
  });

  it('reassigns to a colleague and cancels, each through its own call', async () => {
    const { calls } = show(writer, [overdue], { 'PATCH /activities/:id': () => ({ body: overdue }), 'DELETE /activities/:id': () => ({ body: { ...overdue, status: 'cancelled' } }) });
    await userEvent.click(await within(await section()).findByRole('button', { name: 'Reassign Call the student' }));
    const reassign = screen.getByRole('form', { name: 'Reassign Call the student' });
    await userEvent.selectOptions(within(reassign).getByLabelText('New assignee'), await within(reassign).findByRole('option', { name: 'Grace Hopper' }));
    await userEvent.click(within(reassign).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(calls.find((call) => call.method === 'PATCH')?.body).toEqual({ assigneeId: 'user-2' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel Call the student' }));
    await waitFor(() => expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual(['/activities/act-1']));
  });

  it('shows a refusal (an activity no longer open) at the activity', async () => {
    show(writer, [overdue], { 'POST /activities/:id/complete': () => ({ status: 409, body: { statusCode: 409, message: 'This activity is already done.' } }) });
    await userEvent.click(await within(await section()).findByRole('button', { name: 'Complete Call the student' }));
    expect(await within(screen.getByRole('listitem', { name: 'Call the student' })).findByRole('alert')).toHaveTextContent('This activity is already done.');
  });

  it('offers no changes on a colleague’s activity it did not add, and none on a cancelled one', async () => {
    const theirs = anActivity({ id: 'act-5', title: 'Their call', assignee: { id: 'user-2', name: 'Grace Hopper' }, createdBy: { id: 'user-2', name: 'Grace Hopper' } });
    const cancelled = anActivity({ id: 'act-6', title: 'Old plan', status: 'cancelled', updatedAt: '2026-12-03T10:00:00.000Z' });
    show(writer, [theirs, overdue, cancelled]);
    const activities = await section();
    await within(activities).findByRole('button', { name: 'Complete Call the student' });
    expect(within(screen.getByRole('listitem', { name: 'Their call' })).queryByRole('button')).not.toBeInTheDocument();
    const old = screen.getByRole('listitem', { name: 'Old plan', hidden: true });
    expect(old).toHaveTextContent('Cancelled');
    expect(within(old).queryByRole('button', { hidden: true })).not.toBeInTheDocument();
  });

  it('offers no changes and no form without activities:write', async () => {
    const { queryClient } = show(reviewer, [overdue, done]);
    const activities = await section();
    // Permissions come with the session: wait for it, or the check below proves nothing.
    await waitFor(() => expect(queryClient.getQueryState(ME_KEY)?.status).toBe('success'));
    expect(within(activities).getByText('Call the student')).toBeInTheDocument();
    expect(within(activities).queryByRole('button', { name: /Complete|Move|Reassign|Cancel|Reopen/, hidden: true })).not.toBeInTheDocument();
    expect(within(activities).queryByRole('form', { name: 'Add activity' })).not.toBeInTheDocument();
  });

  it('reads the case’s own list when the instance detail does not carry activities', async () => {
    const { calls } = show(writer, undefined);
    expect(await within(await section()).findByText('Send the forms')).toBeInTheDocument();
    expect(calls.some((call) => call.path === '/instances/case-1/activities')).toBe(true);
  });

  it('says when nothing is open', async () => {
    show(writer, [done]);
    expect(await within(await section()).findByText(/Nothing open/)).toBeInTheDocument();
  });
});
