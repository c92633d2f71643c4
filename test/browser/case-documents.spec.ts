/**
 * The intake form and a case's documents in a real browser against the real backend: an admin starts a
 * process with an intake (required text, a number, a required file) from a student's record; the form
 * refuses an empty submit and a wrong number at their fields before anything is sent; with everything
 * filled and a real PDF picked, the case page opens with the intake under its labels and the PDF in
 * Documents, which downloads byte for byte. A reviewer outside the case's queues cannot open the file.
 * Takes the docs' screenshots of the form and of the case's documents.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { renderPdf } from '../../backend/src/messages/pdf-document';
import { startTestApp, type TestApp } from '../../backend/test/support/test-app';
import { expectStatus } from './support/api';
import { openBrowser, screenshot, signIn, signOut, waitForPath, type Browser } from './support/browser';
import { FollowingClock } from './support/following-clock';

const UI_DIST = resolve(__dirname, '../../editor-ui/dist');

const SUPPORT = {
  key: 'learning-support',
  name: 'Learning support request',
  description: 'A tutor’s referral letter, then an advisor’s review.',
  entityTypes: ['student'],
  stages: [{ key: 'advisor-review', name: 'Advisor review', ownerQueue: 'advisors' }],
  decisions: [{ key: 'approve', label: 'Approve support' }],
  intake: [
    { path: 'entity.email', label: 'Student email', type: 'email', required: true },
    { path: 'data.reason', label: 'Reason for referral', type: 'text', required: true, help: 'In the tutor’s words.' },
    { path: 'data.hoursPerWeek', label: 'Hours a week', type: 'number', required: false },
    { path: 'data.referralLetter', label: 'Referral letter', type: 'file', required: true },
  ],
};

interface DocumentBody {
  id: string;
  name: string;
  kind: string;
  field: string | null;
  source: string;
  sha256: string;
  url: string;
}

describe('intake form and case documents (Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let studentId: string;
  let letter: Buffer;
  let instanceId: string;
  let documentHref: string;

  const form = () => page.getByRole('form', { name: 'Intake' });
  const launches = async () => (await expectStatus<{ total: number }>(app.admin.get('/instances').query({ processKey: SUPPORT.key }), 200)).total;

  beforeAll(async () => {
    if (!existsSync(resolve(UI_DIST, 'index.html'))) throw new Error(`No built UI in ${UI_DIST}: run "npm run build -w editor-ui" first.`);
    app = await startTestApp({ clock: new FollowingClock(), config: { uiDistPath: UI_DIST } });
    await expectStatus(app.admin.post('/queues').send({ key: 'advisors', name: 'Advisors' }), 201);
    await expectStatus(app.admin.post('/processes').send(SUPPORT), 201);
    await expectStatus(app.admin.post(`/processes/${SUPPORT.key}/publish`), [200, 201]);
    const student = await expectStatus<{ id: string }>(
      app.admin.post('/entities').send({ type: 'student', externalId: 'S-2001', name: 'Ada Lovelace', email: 'ada@students.example.test' }),
      [200, 201],
    );
    studentId = student.id;
    letter = (await renderPdf({ title: 'Referral letter', body: 'Ada has missed three coursework deadlines this term.\n\nPlease arrange learning support.' })).bytes;
    const admin = await app.createUser('admin', { name: 'Ada Admin', email: 'admin@college.example.test' });
    browser = await openBrowser(app.baseUrl);
    page = browser.page;
    await signIn(page, admin.user.email, admin.password);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('opens the intake as a form from the record: every case-data field and the file, required ones marked', async () => {
    await page.goto(`/entities/student/${studentId}`);
    await page.getByRole('button', { name: 'Start workflow' }).click();
    await page.getByRole('dialog', { name: 'Start a workflow for Ada Lovelace' }).getByRole('button', { name: /Learning support request/ }).click();
    await form().waitFor();
    await expect(form().getByLabel('Reason for referral').getAttribute('required')).resolves.not.toBeNull();
    await expect(form().getByLabel('Hours a week').getAttribute('required')).resolves.toBeNull();
    await expect(form().getByLabel('Referral letter').getAttribute('type')).resolves.toBe('file');
    await form().getByText('In the tutor’s words.').waitFor();
    // The record's email comes from the record, not from this form.
    await expect(form().getByLabel('Student email').count()).resolves.toBe(0);
  });

  it('refuses an empty submit at the required fields, sending nothing', async () => {
    await form().getByRole('button', { name: 'Start' }).click();
    await form().getByRole('alert').filter({ hasText: '2 things to fix before the case can start' }).waitFor();
    await expect(form().getByLabel('Reason for referral').getAttribute('aria-invalid')).resolves.toBe('true');
    await form().locator('.field').filter({ has: page.getByLabel('Referral letter') }).getByText('Referral letter is required.').waitFor();
    await expect(launches()).resolves.toBe(0);
  });

  it('refuses a wrong number at its field, keeping what was typed', async () => {
    await form().getByLabel('Reason for referral').fill('Missed three coursework deadlines');
    await form().getByLabel('Hours a week').fill('three');
    await form().getByRole('button', { name: 'Start' }).click();
    const hours = form().locator('.field').filter({ has: page.getByLabel('Hours a week') });
    await hours.getByText('Hours a week must be a number, such as 42 or 3.5.').waitFor();
    await expect(form().getByLabel('Reason for referral').getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(form().getByLabel('Reason for referral').inputValue()).resolves.toBe('Missed three coursework deadlines');
    await screenshot(page, 'start-workflow-form');
    await expect(launches()).resolves.toBe(0);
  });

  it('starts the case with the PDF and opens it, showing the intake under its labels', async () => {
    await form().getByLabel('Hours a week').fill('3.5');
    await form().getByLabel('Referral letter').setInputFiles({ name: 'referral.pdf', mimeType: 'application/pdf', buffer: letter });
    await form().getByRole('button', { name: 'Start' }).click();
    await waitForPath(page, /^\/instances\/[^/]+$/);
    instanceId = page.url().split('/instances/')[1]!;

    const intake = page.getByRole('region', { name: 'Intake' });
    const row = (label: string) => intake.locator('.details-row').filter({ has: page.getByText(label, { exact: true }) });
    await row('Reason for referral').getByText('Missed three coursework deadlines').waitFor();
    await row('Hours a week').getByText('3.5').waitFor();
    await row('Student email').getByText('ada@students.example.test').waitFor();
    await row('Referral letter').getByRole('link', { name: 'referral.pdf' }).waitFor();

    const stored = await expectStatus<{ items: DocumentBody[] }>(app.admin.get(`/instances/${instanceId}/documents`), 200);
    expect(stored.items).toEqual([expect.objectContaining({ name: 'referral.pdf', kind: 'intake', field: 'data.referralLetter', source: 'intake' })]);
  });

  it('lists the PDF under Documents, previews it from the inline URL and downloads the same bytes', async () => {
    const documents = page.getByRole('region', { name: 'Documents' });
    const row = documents.getByRole('row').filter({ hasText: 'referral.pdf' });
    await row.getByText('intake', { exact: true }).waitFor();
    await row.getByText('Ada Admin (intake form)').waitFor();
    await screenshot(page, 'case-documents');

    await row.getByRole('button', { name: 'Preview referral.pdf' }).click();
    const frame = documents.getByRole('region', { name: 'Preview of referral.pdf' }).locator('iframe[title="referral.pdf"]');
    const inline = await frame.getAttribute('src');
    expect(inline).toMatch(/^\/api\/v1\/documents\/[^/]+\/content\?inline=true$/);

    documentHref = (await row.getByRole('link', { name: 'Download referral.pdf' }).getAttribute('href'))!;
    const download = await page.request.get(documentHref);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment; filename="referral.pdf"/);
    expect(Buffer.compare(await download.body(), letter)).toBe(0);

    const shown = await page.request.get(inline!);
    expect(shown.headers()['content-type']).toMatch(/^application\/pdf/);
    expect(shown.headers()['content-disposition']).toMatch(/^inline/);
    expect(shown.headers()['x-content-type-options']).toBe('nosniff');
  });

  it('shows the backend refusal of a file that is not what it claims, adding nothing, then uploads a real one', async () => {
    const documents = page.getByRole('region', { name: 'Documents' });
    const upload = documents.getByRole('form', { name: 'Upload a document' });
    await upload.getByLabel('File').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ: not a PDF at all') });
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByRole('alert').filter({ hasText: /Not added: .*fake\.pdf.*%PDF-/ }).waitFor();
    await expect(documents.getByRole('row').filter({ hasText: 'fake.pdf' }).count()).resolves.toBe(0);
    const afterRefusal = await expectStatus<{ items: DocumentBody[] }>(app.admin.get(`/instances/${instanceId}/documents`), 200);
    expect(afterRefusal.items.map((document) => document.name)).toEqual(['referral.pdf']);

    await upload.getByLabel('File').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Spoke to Ada: she agrees.') });
    await upload.getByLabel('Kind').fill('advisor-notes');
    await upload.getByRole('button', { name: 'Upload' }).click();
    await upload.getByRole('status').filter({ hasText: 'Added notes.txt.' }).waitFor();
    await documents.getByRole('row').filter({ hasText: 'notes.txt' }).getByText('advisor-notes').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Document added: notes.txt').waitFor();
  });

  it('lets the app frame the inline PDF (same origin only), so the preview is not blocked', async () => {
    const shown = await page.request.get(`${documentHref}?inline=true`);
    expect(shown.headers()['x-frame-options'] ?? 'SAMEORIGIN').toBe('SAMEORIGIN');
    expect(shown.headers()['content-security-policy'] ?? '').not.toContain("frame-ancestors 'none'");
  });

  it('refuses the file to a reviewer outside the case’s queues', async () => {
    const outsider = await app.createUser('reviewer', { name: 'Otto Outsider', email: 'otto@college.example.test' });
    await signOut(page);
    await signIn(page, outsider.user.email, outsider.password);
    const refused = await page.request.get(documentHref);
    expect([403, 404]).toContain(refused.status());
    expect((await refused.body()).includes(Buffer.from('%PDF-'))).toBe(false);
    await page.goto(`/instances/${instanceId}`);
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('link', { name: 'Download referral.pdf' }).count()).resolves.toBe(0);
  });
});
