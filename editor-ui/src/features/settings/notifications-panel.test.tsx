import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NotificationPreferences } from '../../api/me-types';
import { installFakeApi, type RecordedCall } from '../../test/fake-api';
import { reviewer } from '../../test/fixtures';
import { renderPage } from '../../test/render';
import { NotificationsPanel } from './notifications-panel';

afterEach(() => vi.unstubAllGlobals());

const stored: NotificationPreferences = {
  timeZone: 'UTC',
  digestTime: '08:00',
  kinds: { 'task.created': 'each', 'task.assigned': 'each', 'task.reminder': 'digest', 'instance.stalled': 'off', 'activity.assigned': 'each' },
};

function setup(put: (call: RecordedCall) => { status?: number; body?: unknown } = (call) => ({ body: call.body })) {
  const api = installFakeApi({
    'GET /auth/me': () => ({ body: reviewer }),
    'GET /me/notification-preferences': () => ({ body: stored }),
    'PUT /me/notification-preferences': put,
  });
  renderPage('/settings', [{ path: '/settings', element: <NotificationsPanel /> }]);
  return api;
}

describe('NotificationsPanel', () => {
  it('shows one row per kind with the stored choice, and saves the new choices, zone and digest time', async () => {
    const { calls } = setup();
    const form = await screen.findByRole('form', { name: 'Notification preferences' });
    const rows = within(form).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('rowheader').firstChild?.textContent)).toEqual([
      'New task',
      'Assigned to me',
      'Reminder before due',
      'Stalled case',
      'Activity for me',
    ]);
    expect(screen.getByRole('radio', { name: 'Reminder before due: Daily digest' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Stalled case: Off' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save notifications' })).toBeDisabled();

    await userEvent.click(screen.getByRole('radio', { name: 'New task: Daily digest' }));
    await userEvent.selectOptions(screen.getByLabelText('Time zone'), 'Europe/London');
    fireEvent.change(screen.getByLabelText('Digest time'), { target: { value: '07:30' } });
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
    await userEvent.click(screen.getByRole('button', { name: 'Save notifications' }));

    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'PUT').map((call) => call.body)).toEqual([
      { timeZone: 'Europe/London', digestTime: '07:30', kinds: { ...stored.kinds, 'task.created': 'digest' } },
    ]);
    expect(screen.getByRole('radio', { name: 'New task: Daily digest' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Save notifications' })).toBeDisabled();
  });

  it("shows the server's refusal and keeps the unsaved choice", async () => {
    setup(() => ({ status: 400, body: { statusCode: 400, message: 'timeZone must be an IANA time zone such as Europe/London' } }));
    await userEvent.click(await screen.findByRole('radio', { name: 'Stalled case: Each event' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save notifications' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('timeZone must be an IANA time zone such as Europe/London');
    expect(screen.getByRole('radio', { name: 'Stalled case: Each event' })).toBeChecked();
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes');
  });

  it('asks for the time zone as text where the browser cannot list the zones', async () => {
    vi.stubGlobal('Intl', Object.assign(Object.create(Intl) as typeof Intl, { supportedValuesOf: undefined }));
    const { calls } = setup();
    const zone = await screen.findByRole('textbox', { name: 'Time zone' });
    expect(zone).toHaveValue('UTC');
    await userEvent.clear(zone);
    await userEvent.type(zone, 'America/Chicago');
    await userEvent.click(screen.getByRole('button', { name: 'Save notifications' }));
    expect(await screen.findByText('Saved')).toBeInTheDocument();
    expect(calls.find((call) => call.method === 'PUT')?.body).toMatchObject({ timeZone: 'America/Chicago' });
  });
});
