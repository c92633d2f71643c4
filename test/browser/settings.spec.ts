/**
 * "My settings" in a real browser against the real backend: a reviewer chooses the daily digest for
 * new tasks and finds the choice kept after a reload (and in the API), then creates a calendar feed
 * URL that a calendar client can read, and revokes it, after which the same URL is gone.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type Client, type TestApp } from '../../backend/test/support/test-app';
import { expectStatus } from './support/api';
import { openBrowser, screenshot, signIn, waitForPath, type Browser } from './support/browser';
import { FollowingClock } from './support/following-clock';

const UI_DIST = resolve(__dirname, '../../editor-ui/dist');

interface Preferences {
  kinds: Record<string, string>;
}

describe('my settings (Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let rita: { email: string; password: string; client: Client };

  beforeAll(async () => {
    if (!existsSync(resolve(UI_DIST, 'index.html'))) throw new Error(`No built UI in ${UI_DIST}: run "npm run build -w editor-ui" first.`);
    app = await startTestApp({ clock: new FollowingClock(), config: { uiDistPath: UI_DIST } });
    const created = await app.createUser('reviewer', { name: 'Rita Reviewer', email: 'rita@college.example.test' });
    rita = { email: created.user.email, password: created.password, client: created.client };
    browser = await openBrowser(app.baseUrl);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('keeps a reviewer\'s choice of the daily digest for new tasks', async () => {
    await signIn(page, rita.email, rita.password);
    await page.getByRole('link', { name: 'My settings' }).click();
    await waitForPath(page, '/settings');
    await page.getByRole('radio', { name: 'New task: Daily digest' }).check();
    await page.getByRole('button', { name: 'Save notifications' }).click();
    await page.getByText('Saved', { exact: true }).waitFor();

    await page.reload();
    const digest = page.getByRole('radio', { name: 'New task: Daily digest' });
    await digest.waitFor();
    expect(await digest.isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'New task: Each event' }).isChecked()).toBe(false);
    const stored = await expectStatus<Preferences>(rita.client.get('/me/notification-preferences'), 200);
    expect(stored.kinds['task.created']).toBe('digest');
  });

  it('creates a calendar feed URL that serves iCalendar, and revokes it', async () => {
    const feed = page.getByRole('region', { name: 'Calendar feed' });
    await feed.getByRole('button', { name: 'Create feed URL' }).click();
    const url = await feed.getByRole('textbox', { name: 'Calendar feed URL' }).inputValue();
    await screenshot(page, 'my-settings');
    expect(url).toMatch(/\/calendar\/[^/]+\.ics$/);
    // The URL names the configured public address; the test server listens on a port of its own.
    expect(url.startsWith(`${app.config.publicUrl}/`)).toBe(true);
    const reachable = `${app.baseUrl}${url.slice(app.config.publicUrl.length)}`;

    const calendar = await fetch(reachable);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await calendar.text()).toContain('BEGIN:VCALENDAR');

    await feed.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog', { name: 'Revoke the calendar feed?' }).getByRole('button', { name: 'Revoke the URL' }).click();
    await feed.getByText('No calendar feed yet.').waitFor();
    expect((await fetch(reachable)).status).toBe(404);
    expect(await feed.getByRole('textbox', { name: 'Calendar feed URL' }).count()).toBe(0);
  });
});
