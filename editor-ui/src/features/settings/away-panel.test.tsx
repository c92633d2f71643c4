import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Person } from '../../api/activity-types';
import type { AbsenceResponse } from '../../api/me-types';
import { installFakeApi, type RecordedCall } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { AwayPanel } from './away-panel';

afterEach(() => vi.unstubAllGlobals());

const people: Person[] = [
  { id: 'user-2', name: 'Grace Hopper', email: 'grace@college.example.test', away: null },
  { id: reviewer.id!, name: reviewer.name, email: 'rita@college.example.test', away: null },
  { id: 'user-3', name: 'Alan Turing', email: 'alan@college.example.test', away: { until: '2030-01-10T17:00:00Z', delegate: { id: 'user-2', name: 'Grace Hopper' } } },
];
const grace = { id: 'user-2', name: 'Grace Hopper' };

function setup(initial: AbsenceResponse, put: (call: RecordedCall) => { status?: number; body?: unknown }) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: reviewer }),
    'GET /people': () => ({ body: people }),
    'GET /me/absence': () => ({ body: initial }),
    'PUT /me/absence': put,
    'DELETE /me/absence': () => ({ body: { absence: null } }),
  });
  renderPage('/settings', [{ path: '/settings', element: <AwayPanel /> }]);
  return api;
}

describe('AwayPanel', () => {
  it('sets an absence with a colleague (never me) who covers, and shows it', async () => {
    const { calls } = setup({ absence: null }, (call) => {
      const body = call.body as { from: string; until: string; note: string };
      return { body: { absence: { from: body.from, until: body.until, delegate: grace, note: body.note, active: true } } };
    });
    expect(await screen.findByText('You are not set as away.')).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Set an absence' });
    const delegate = within(form).getByLabelText('Who covers');
    await within(delegate).findByRole('option', { name: 'Grace Hopper' });
    expect(within(delegate).getAllByRole('option').map((option) => option.textContent)).toEqual([
      '— choose a colleague —',
      'Grace Hopper',
      expect.stringMatching(/^Alan Turing \(away until .+\)$/),
    ]);

    fireEvent.change(within(form).getByLabelText('Away from'), { target: { value: '2030-01-06T09:00' } });
    fireEvent.change(within(form).getByLabelText('Back on'), { target: { value: '2030-01-10T17:30' } });
    await userEvent.selectOptions(delegate, 'Grace Hopper');
    await userEvent.type(within(form).getByLabelText('Note'), 'Annual leave');
    await userEvent.click(within(form).getByRole('button', { name: 'Set absence' }));

    const current = await screen.findByRole('status', { name: 'Current absence' });
    expect(current).toHaveTextContent(/^Away until .+ — Grace Hopper covers \(Annual leave\)/);
    expect(calls.filter((call) => call.method === 'PUT').map((call) => call.body)).toEqual([
      { from: new Date('2030-01-06T09:00').toISOString(), until: new Date('2030-01-10T17:30').toISOString(), delegateId: 'user-2', note: 'Annual leave' },
    ]);
  });

  it('refuses an end before the start without asking the server, and shows what the server refuses', async () => {
    const { calls } = setup({ absence: null }, () => ({ status: 400, body: { statusCode: 400, message: 'delegateId must be an active user' } }));
    const form = await screen.findByRole('form', { name: 'Set an absence' });
    await within(form).findByRole('option', { name: 'Grace Hopper' });
    fireEvent.change(within(form).getByLabelText('Away from'), { target: { value: '2030-01-06T09:00' } });
    fireEvent.change(within(form).getByLabelText('Back on'), { target: { value: '2030-01-05T09:00' } });
    await userEvent.selectOptions(within(form).getByLabelText('Who covers'), 'Grace Hopper');
    await userEvent.click(within(form).getByRole('button', { name: 'Set absence' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('The end must come after the start.');
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);

    fireEvent.change(within(form).getByLabelText('Back on'), { target: { value: '2030-01-07T09:00' } });
    await userEvent.click(within(form).getByRole('button', { name: 'Set absence' }));
    expect(await within(form).findByText('delegateId must be an active user')).toBeInTheDocument();
  });

  it('shows the current absence in the form, and ends it', async () => {
    const { calls } = setup(
      { absence: { from: '2030-01-06T09:00:00Z', until: '2030-01-10T17:00:00Z', delegate: grace, note: '', active: true } },
      () => ({ status: 500 }),
    );
    const current = await screen.findByRole('status', { name: 'Current absence' });
    expect(within(current).getByText(/^Away until .+ — Grace Hopper covers$/)).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Change the absence' });
    expect(within(form).getByLabelText('Back on')).toHaveValue(toLocal('2030-01-10T17:00:00Z'));
    expect(await within(form).findByRole('option', { name: 'Grace Hopper', selected: true })).toBeInTheDocument();

    await userEvent.click(within(current).getByRole('button', { name: 'End absence' }));
    expect(await screen.findByText('You are not set as away.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual(['/me/absence']);
  });
});

/** What a datetime-local input shows for an instant, in the test machine's zone. */
function toLocal(iso: string): string {
  const at = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
