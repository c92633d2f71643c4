import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CalendarFeedStatus } from '../../api/me-types';
import { installFakeApi } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { CalendarFeedPanel } from './calendar-feed-panel';

afterEach(() => vi.unstubAllGlobals());

const URLS = ['https://caseflow.example.test/calendar/first-secret.ics', 'https://caseflow.example.test/calendar/second-secret.ics'];

function setup(initial: CalendarFeedStatus) {
  let created = 0;
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: reviewer }),
    'GET /me/calendar-feed': () => ({ body: initial }),
    'POST /me/calendar-feed': () => ({ status: 201, body: { active: true, url: URLS[created++], createdAt: '2030-01-06T09:00:00Z', lastUsedAt: null } }),
    // The backend answers 204; the fake's Response cannot carry that status, and the client reads both as no body.
    'DELETE /me/calendar-feed': () => ({ status: 200 }),
  });
  renderPage('/settings', [{ path: '/settings', element: <CalendarFeedPanel /> }]);
  return api;
}

describe('CalendarFeedPanel', () => {
  it('creates a feed URL and shows it once, read-only, with a copy button and how to subscribe', async () => {
    const user = userEvent.setup();
    const { calls } = setup({ active: false, createdAt: null, lastUsedAt: null });
    expect(await screen.findByText('No calendar feed yet.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Create feed URL' }));

    const url = await screen.findByRole('textbox', { name: 'Calendar feed URL' });
    expect(url).toHaveValue(URLS[0]);
    expect(url).toHaveAttribute('readonly');
    expect(screen.getByText(/shown only this once/)).toBeInTheDocument();
    expect(screen.getByText(/Outlook: Add calendar → Subscribe from web/)).toHaveTextContent(/Google Calendar: Other calendars → \+ → From URL/);
    expect(screen.getByLabelText('Calendar feed status')).toHaveTextContent(/^Active since .+ · not read by a calendar yet$/);

    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeInTheDocument();
    await expect(navigator.clipboard.readText()).resolves.toBe(URLS[0]);

    await user.click(screen.getByRole('button', { name: 'Replace URL' }));
    await vi.waitFor(() => expect(screen.getByRole('textbox', { name: 'Calendar feed URL' })).toHaveValue(URLS[1]));
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(2);
  });

  it('revokes only after confirming, and then forgets the URL', async () => {
    const user = userEvent.setup();
    const { calls } = setup({ active: true, createdAt: '2030-01-02T09:00:00Z', lastUsedAt: '2030-01-05T06:30:00Z' });
    expect(await screen.findByLabelText('Calendar feed status')).toHaveTextContent(/^Active since .+ · last read .+$/);
    expect(screen.queryByRole('textbox', { name: 'Calendar feed URL' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Revoke the calendar feed?' })).getByRole('button', { name: 'Keep it' }));
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    await user.click(within(screen.getByRole('dialog', { name: 'Revoke the calendar feed?' })).getByRole('button', { name: 'Revoke the URL' }));
    expect(await screen.findByText('No calendar feed yet.')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.path)).toEqual(['/me/calendar-feed']);
    expect(screen.getByRole('button', { name: 'Create feed URL' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke' })).not.toBeInTheDocument();
  });
});
