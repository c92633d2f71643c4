import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { installFakeApi, type RecordedCall } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { AddActivityForm } from './add-activity-form';
import { anActivity, PEOPLE } from './test-fixtures';

afterEach(() => vi.unstubAllGlobals());

const writer: Me = { ...reviewer, permissions: [...reviewer.permissions, 'activities:write'] };
const local = (value: string) => new Date(value).toISOString();

function show(create: (call: RecordedCall) => { status?: number; body?: unknown } = () => ({ status: 201, body: anActivity() })) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: writer }),
    'GET /people': () => ({ body: PEOPLE }),
    'POST /instances/:id/activities': create,
  });
  renderPage('/instances/case-1', [{ path: '/instances/:instanceId', element: <AddActivityForm instanceId="case-1" /> }]);
  return api;
}

const form = () => screen.findByRole('form', { name: 'Add activity' });
const posts = (calls: RecordedCall[]) => calls.filter((call) => call.method === 'POST');

describe('AddActivityForm', () => {
  it('refuses a follow-up without a title or due time at those fields, sending nothing', async () => {
    const { calls } = show();
    const add = await form();
    await userEvent.click(within(add).getByRole('button', { name: 'Add activity' }));
    expect(within(add).getByLabelText('Title')).toHaveAttribute('aria-invalid', 'true');
    expect(within(add).getByLabelText('Title')).toHaveAccessibleDescription('Give the activity a title.');
    expect(within(add).getByLabelText('Due')).toHaveAccessibleDescription('A follow-up needs a due time.');
    expect(posts(calls)).toHaveLength(0);
  });

  it('asks an event for a start before its end', async () => {
    const { calls } = show();
    const add = await form();
    await userEvent.selectOptions(within(add).getByLabelText('Kind'), 'event');
    expect(within(add).queryByLabelText('Due')).not.toBeInTheDocument();
    await userEvent.type(within(add).getByLabelText('Title'), 'Meet Ada');
    await userEvent.type(within(add).getByLabelText('Starts'), '2026-12-09T11:00');
    await userEvent.type(within(add).getByLabelText('Ends'), '2026-12-09T10:00');
    await userEvent.click(within(add).getByRole('button', { name: 'Add activity' }));
    expect(within(add).getByLabelText('Ends')).toHaveAccessibleDescription('The end must be after the start.');
    expect(within(add).getByLabelText('Starts')).not.toHaveAttribute('aria-invalid');
    expect(posts(calls)).toHaveLength(0);
  });

  it('adds a follow-up for me by default, its due time sent as UTC, and empties the form', async () => {
    const { calls } = show();
    const add = await form();
    expect(await within(add).findByRole('option', { name: 'Rita Reviewer (me)' })).toHaveProperty('selected', true);
    await userEvent.type(within(add).getByLabelText('Title'), 'Call the student');
    await userEvent.type(within(add).getByLabelText('Due'), '2026-12-09T10:00');
    await userEvent.type(within(add).getByLabelText('Note'), 'About the extension');
    await userEvent.click(within(add).getByRole('button', { name: 'Add activity' }));
    expect(await within(add).findByRole('status')).toHaveTextContent('Follow-up “Call the student” added for Rita Reviewer.');
    expect(posts(calls)).toEqual([
      expect.objectContaining({ path: '/instances/case-1/activities', body: { kind: 'follow-up', title: 'Call the student', note: 'About the extension', dueAt: local('2026-12-09T10:00') } }),
    ]);
    expect(within(add).getByLabelText('Title')).toHaveValue('');
  });

  it('gives a to-do to a colleague picked from the people list', async () => {
    const { calls } = show(() => ({ status: 201, body: anActivity({ kind: 'to-do', dueAt: null, assignee: { id: 'user-2', name: 'Grace Hopper' } }) }));
    const add = await form();
    await userEvent.selectOptions(within(add).getByLabelText('Kind'), 'to-do');
    await userEvent.type(within(add).getByLabelText('Title'), 'Send the forms');
    await userEvent.selectOptions(within(add).getByLabelText('Assignee'), await within(add).findByRole('option', { name: 'Grace Hopper' }));
    await userEvent.click(within(add).getByRole('button', { name: 'Add activity' }));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toEqual({ kind: 'to-do', title: 'Send the forms', assigneeId: 'user-2' });
  });

  it('shows the backend refusal next to the form and keeps what was typed', async () => {
    show(() => ({ status: 400, body: { statusCode: 400, message: 'assigneeId must be an active user' } }));
    const add = await form();
    await userEvent.type(within(add).getByLabelText('Title'), 'Call the student');
    await userEvent.type(within(add).getByLabelText('Due'), '2026-12-09T10:00');
    await userEvent.click(within(add).getByRole('button', { name: 'Add activity' }));
    expect(await within(add).findByRole('alert')).toHaveTextContent('Not added: assigneeId must be an active user');
    expect(within(add).getByLabelText('Title')).toHaveValue('Call the student');
    expect(within(add).queryByRole('status')).not.toBeInTheDocument();
  });
});
