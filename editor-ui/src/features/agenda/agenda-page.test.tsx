import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AgendaResponse } from '../../api/activity-types';
import { installFakeApi, type RecordedCall } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { anAgendaItem } from '../activities/test-fixtures';
import AgendaPage from './agenda-page';

afterEach(() => vi.unstubAllGlobals());

const DAY = 86_400_000;
const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const today = dateOf(Date.now());
const tomorrow = dateOf(Date.now() + DAY);
const atTomorrow = (hours: number) => `${tomorrow}T${String(hours).padStart(2, '0')}:00:00.000Z`;

const followUp = anAgendaItem({ id: 'act-1', title: 'Call the student', at: atTomorrow(10) });
const task = anAgendaItem({ type: 'task', id: 'task-7', title: 'Review referral: Grace Hopper', at: atTomorrow(9), caseName: 'Grace Hopper', link: '/tasks/task-7' });
const late = anAgendaItem({ type: 'to-do', id: 'act-2', title: 'Send the forms', at: new Date(Date.now() - 3 * DAY).toISOString(), overdue: true, caseName: 'Alan Turing' });

const full: AgendaResponse = { timeZone: 'UTC', from: today, to: today, overdue: [late], days: [{ date: tomorrow, items: [followUp, task] }], undated: [] };

function show(answer: (call: RecordedCall) => { status?: number; body?: unknown }, extra: Record<string, (call: RecordedCall) => { status?: number; body?: unknown }> = {}, path = '/agenda') {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: reviewer }),
    'GET /processes': () => ({ body: [{ key: 'student-support', name: 'Student support referral', version: 1, stages: [], decisions: [] }] }),
    'GET /me/agenda': answer,
    ...extra,
  });
  renderPage(path, [
    { path: '/agenda', element: <AgendaPage /> },
    { path: '/tasks/:taskId', element: <p>task page</p> },
  ]);
  return api;
}

const agendaReads = (calls: RecordedCall[]) => calls.filter((call) => call.path === '/me/agenda');

describe('AgendaPage', () => {
  it('shows Overdue first, then tomorrow by time, each row with its type, link, case and process', async () => {
    show(() => ({ body: full }));
    const headings = await screen.findAllByRole('heading', { level: 2 });
    expect(headings.map((heading) => heading.textContent)).toEqual(['Overdue', 'Tomorrow']);
    const overdue = screen.getByRole('region', { name: 'Overdue' });
    expect(within(overdue).getByRole('row', { name: /Send the forms/ })).toHaveTextContent('To-do');
    const rows = within(screen.getByRole('region', { name: 'Tomorrow' })).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['Review referral: Grace Hopper', 'Call the student']);
    expect(rows[1]).toHaveTextContent('Follow-up');
    expect(rows[1]).toHaveTextContent('Ada Lovelace');
    expect(await within(rows[1]!).findByText('Student support referral')).toBeInTheDocument();
    expect(rows[1]).toHaveTextContent(/10:00/);
    expect(within(rows[1]!).getByRole('link', { name: 'Call the student' })).toHaveAttribute('href', '/instances/case-1');
    expect(within(rows[0]!).getByRole('link')).toHaveAttribute('href', '/tasks/task-7');
  });

  it('offers Complete on activities only; completing one reads the agenda again', async () => {
    let answer = full;
    const { calls } = show(() => ({ body: answer }), {
      'POST /activities/:id/complete': () => {
        answer = { ...full, days: [{ date: tomorrow, items: [task] }] };
        return { body: {} };
      },
    });
    const tomorrowSection = await screen.findByRole('region', { name: 'Tomorrow' });
    expect(within(tomorrowSection).queryByRole('button', { name: 'Complete Review referral: Grace Hopper' })).not.toBeInTheDocument();
    await userEvent.click(within(tomorrowSection).getByRole('button', { name: 'Complete Call the student' }));
    await waitFor(() => expect(within(tomorrowSection).queryByText('Call the student')).not.toBeInTheDocument());
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.path)).toEqual(['/activities/act-1/complete']);
    expect(agendaReads(calls)).toHaveLength(2);
  });

  it('asks for the chosen number of days', async () => {
    const { calls } = show(() => ({ body: full }));
    await screen.findByRole('region', { name: 'Tomorrow' });
    expect(agendaReads(calls)[0]!.query.get('days')).toBe('14');
    await userEvent.selectOptions(screen.getByLabelText('Show'), 'Next 31 days');
    await waitFor(() => expect(agendaReads(calls).map((call) => call.query.get('days'))).toEqual(['14', '31']));
  });

  it('says when there is nothing on the agenda', async () => {
    show(() => ({ body: { ...full, overdue: [], days: [] } }));
    expect(await screen.findByText('Nothing on your agenda')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows an error it can retry', async () => {
    show(() => ({ status: 403, body: { statusCode: 403, message: 'You do not have permission to do this.' } }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You do not have permission to do this.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
