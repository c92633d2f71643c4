/**
 * Editing a message template in a real browser against the real backend: an admin opens a template a
 * case already used, previews a changed subject against that case (its record's name rendered by the
 * backend), saves it as version 2, and the next message sent for the case uses version 2. Takes the
 * docs' screenshot of the editor.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../backend/test/support/test-app';
import { expectStatus } from './support/api';
import { openBrowser, screenshot, signIn, waitForPath, type Browser } from './support/browser';
import { FollowingClock } from './support/following-clock';

const UI_DIST = resolve(__dirname, '../../editor-ui/dist');

const TEMPLATE = {
  key: 'booking-confirmation',
  name: 'Booking confirmation',
  kind: 'customer',
  subject: 'Booking received',
  html: '<h1>Thank you, {{entity.name}}</h1><p>Your booking {{entity.externalId}} is confirmed.</p>',
  text: 'Thank you, {{entity.name}}. Your booking {{entity.externalId}} is confirmed.',
  documents: [{ filename: 'confirmation.pdf', title: 'Booking confirmation', body: '# Booking confirmation\n\n{{entity.name}} is booked.' }],
  sampleData: { entity: { name: 'Sample Sam', externalId: 'B-0' } },
};

interface SentMessage {
  subject: string;
  templateKey: string | null;
  templateVersion: number | null;
}

describe('message template editor (Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let instanceId: string;

  const sendConfirmation = () => expectStatus<SentMessage>(app.automation.post('/messages').send({ instanceId, templateKey: TEMPLATE.key }), 201);

  beforeAll(async () => {
    if (!existsSync(resolve(UI_DIST, 'index.html'))) throw new Error(`No built UI in ${UI_DIST}: run "npm run build -w editor-ui" first.`);
    app = await startTestApp({ clock: new FollowingClock(), config: { uiDistPath: UI_DIST } });
    await expectStatus(
      app.admin.post('/processes').send({ key: 'course-bookings', name: 'Course bookings', entityTypes: ['booking'], stages: [{ key: 'confirm', name: 'Confirm the booking' }] }),
      201,
    );
    await expectStatus(app.admin.post('/processes/course-bookings/publish'), [200, 201]);
    const instance = await expectStatus<{ id: string }>(
      app.automation.post('/instances').send({
        processKey: 'course-bookings',
        entity: { type: 'booking', externalId: 'B-1001', name: 'Ada Lovelace', email: 'ada@example.test' },
        stageKey: 'confirm',
        data: {},
      }),
      201,
    );
    instanceId = instance.id;
    await expectStatus(app.admin.post('/message-templates').send(TEMPLATE), 201);
    const first = await sendConfirmation();
    expect(first).toMatchObject({ templateVersion: 1, subject: 'Booking received' });
    const admin = await app.createUser('admin', { name: 'Ada Admin', email: 'admin@training.example.test' });
    browser = await openBrowser(app.baseUrl);
    page = browser.page;
    await signIn(page, admin.user.email, admin.password);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists the template in the admin area and opens its editor', async () => {
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Messages', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'booking-confirmation' });
    await row.getByText('Customer').waitFor();
    await row.getByRole('cell', { name: 'v1' }).waitFor();
    await row.getByRole('link', { name: 'Booking confirmation' }).click();
    await waitForPath(page, '/admin/message-templates/booking-confirmation');
    await page.getByRole('heading', { name: 'Booking confirmation' }).waitFor();
  });

  it('previews an edited subject against the real case', async () => {
    await page.getByLabel('Process').selectOption({ label: 'Course bookings' });
    await page.getByLabel('Case', { exact: true }).selectOption({ label: 'Ada Lovelace · Course bookings' });
    const preview = page.getByRole('region', { name: 'Preview' });
    // The saved subject against the case first, then the edit once typing pauses.
    await preview.getByTestId('preview-subject').filter({ hasText: 'Booking received' }).waitFor();
    await page.getByLabel('Subject', { exact: true }).fill('Your place is booked, {{entity.name}}');
    await preview.getByTestId('preview-subject').filter({ hasText: 'Your place is booked, Ada Lovelace' }).waitFor();
    await preview.frameLocator('iframe[title="HTML preview"]').getByRole('heading', { name: 'Thank you, Ada Lovelace' }).waitFor();
    await preview.getByLabel('Text preview').filter({ hasText: 'Your booking B-1001 is confirmed.' }).waitFor();
    // The document opens as the PDF the backend renders for the draft.
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), preview.getByRole('button', { name: 'Open PDF confirmation.pdf' }).click()]);
    await tab!.waitForURL(/^blob:/);
    await tab!.close();
  });

  it('places a template error next to the field it names', async () => {
    const subject = page.getByLabel('Subject', { exact: true });
    await subject.fill('Your place is booked, {{entity.name');
    await page.locator('.field').filter({ has: subject }).locator('.form-error').waitFor();
    await expect(subject.getAttribute('aria-invalid')).resolves.toBe('true');
    await subject.fill('Your place is booked, {{entity.name}}');
    await page.getByRole('region', { name: 'Preview' }).getByTestId('preview-subject').filter({ hasText: 'Your place is booked, Ada Lovelace' }).waitFor();
    await expect(subject.getAttribute('aria-invalid')).resolves.toBeNull();
  });

  it('saves version 2, which the next message for the case uses', async () => {
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as version 2.' }).waitFor();
    await page.getByRole('region', { name: 'Versions' }).getByRole('link', { name: 'View version 2' }).waitFor();
    await screenshot(page, 'message-template-editor');

    const next = await sendConfirmation();
    expect(next).toMatchObject({ templateKey: TEMPLATE.key, templateVersion: 2, subject: 'Your place is booked, Ada Lovelace' });
  });

  it('shows the sent messages on the case with their kind and their PDF to download', async () => {
    await page.goto(`/instances/${instanceId}`);
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await timeline.getByLabel('Show').selectOption({ label: 'Customer messages' });
    const latest = timeline.getByRole('listitem').filter({ hasText: 'Message: Your place is booked, Ada Lovelace' });
    await latest.getByText('Customer', { exact: true }).waitFor();
    await timeline.getByRole('listitem').filter({ hasText: 'Message: Booking received' }).waitFor();
    await expect(timeline.getByText('Entered Confirm the booking').count()).resolves.toBe(0);
    const href = await latest.getByRole('link', { name: 'Download confirmation.pdf' }).getAttribute('href');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toMatch(/^application\/pdf/);
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
