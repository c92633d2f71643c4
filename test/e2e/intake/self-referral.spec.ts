/**
 * Issue 13's promise end to end, with every part real: a student refers themselves through the
 * student-referrals template's public n8n form with a PDF; the case holds the PDF as a document; an
 * advisor downloads it in the UI (Chromium); the advisor's decision sends the department a brief with
 * that PDF attached, delivered to an SMTP server on loopback.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { addQueueMember } from '../../../backend/test/support/fixtures';
import { CURRENT } from '../../n8n';
import { openBrowser, screenshot, signIn, type Browser } from '../../browser/support/browser';
import { openTask } from '../../templates/support/cases';
import { waitFor } from '../../templates/support/wait';
import { startSmtpReceiver, type SmtpReceiver } from '../support/smtp';
import { startE2eStack, type E2eStack } from '../support/stack';

const UI_DIST = resolve(__dirname, '../../../editor-ui/dist');
// A small but real PDF: a reader (and Caseflow's type check) takes it for one.
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

let stack: E2eStack;
let smtp: SmtpReceiver;
let browser: Browser;
let page: Page;
const advisor = { email: 'advisor@staff.example.test', password: '' };

beforeAll(async () => {
  if (!existsSync(resolve(UI_DIST, 'index.html'))) throw new Error(`No built UI in ${UI_DIST}: run "npm run build -w editor-ui" first.`);
  smtp = await startSmtpReceiver();
  stack = await startE2eStack(
    CURRENT,
    { uiDistPath: UI_DIST, smtp: { host: '127.0.0.1', port: smtp.port, secure: false, from: 'Student Support <support@example.test>' } },
    { followExecutions: true },
  );
  const install = await stack.backend.admin.post('/templates/student-referrals/install');
  if (install.status !== 200) throw new Error(`install: ${install.status} ${JSON.stringify(install.body)}`);
  const queues = (await stack.backend.admin.get('/queues?limit=100')).body.items as Array<{ id: string; key: string }>;
  const queueId = (key: string) => queues.find((q) => q.key === key)!.id;
  const created = await stack.backend.createUser('reviewer', { name: 'Ada Advisor', email: advisor.email });
  advisor.password = created.password;
  await addQueueMember(stack.backend, queueId('student-advisors'), created.user.id);
  const department = await stack.backend.createUser('reviewer', { name: 'Dan Department', email: 'department@staff.example.test' });
  await addQueueMember(stack.backend, queueId('academic-department'), department.user.id);
  browser = await openBrowser(stack.backend.baseUrl);
  page = browser.page;
}, 6 * 60_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await smtp?.close();
});

it('takes a self-referral with a PDF through the public form, shows the advisor the document, and sends it to the department on acceptance', async () => {
  // The student fills in the public form, as a browser posts it.
  const form = new FormData();
  form.set('field-0', 'S-FORM-7');
  form.set('field-1', 'Sam Student');
  form.set('field-2', 'sam.student@example.test');
  form.set('field-3', 'I have fallen behind after an illness and need an extension.');
  form.set('field-4', new Blob([PDF], { type: 'application/pdf' }), 'gp-letter.pdf');
  const answer = await waitFor('the form to take the submission', async () => {
    const response = await fetch(`${stack.n8n.baseUrl}/form/refer-yourself`, { method: 'POST', body: form });
    return response.status === 404 ? undefined : response;
  }, 30_000, 250);
  expect(answer.status).toBe(200);
  // The form page carries what it shows once submitted: what happens next.
  const formPage = await (await fetch(`${stack.n8n.baseUrl}/form/refer-yourself`)).text();
  expect(formPage).toContain('An advisor reads every referral within two working days');

  const admin = stack.backend.admin;
  const found = await waitFor('the self-referral case', async () => {
    const res = await admin.get('/instances?processKey=student-referral&entityType=student&externalId=S-FORM-7&limit=5');
    return (res.body.items as Array<{ id: string }>)[0];
  }, 60_000);
  const documents = (await admin.get(`/instances/${found.id}/documents`).expect(200)).body.items as Array<{ id: string; name: string; kind: string; size: number; source: string }>;
  expect(documents).toEqual([expect.objectContaining({ name: 'gp-letter.pdf', kind: 'referral-document', size: PDF.length, source: 'intake' })]);
  const task = await openTask(admin, found.id, 'student-advisors', 60_000);

  // The advisor opens the task in the UI and downloads the letter.
  await signIn(page, advisor.email, advisor.password);
  await page.goto(`${stack.backend.baseUrl}/tasks/${task.id}`);
  const list = page.getByRole('region', { name: 'Documents' });
  await list.getByText('gp-letter.pdf').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), list.getByRole('link', { name: /Download/ }).first().click()]);
  expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);
  await screenshot(page, 'task-documents');

  // The advisor accepts; the department gets the brief with the letter attached, over SMTP.
  await page.getByRole('button', { name: 'Accept', exact: true }).click();
  const brief = await waitFor('the department brief over SMTP', async () =>
    smtp.received.find((m) => m.to.includes('department@staff.example.test') && m.raw.includes('Referral to follow up: Sam Student')),
  120_000);
  expect(brief.raw).toMatch(/Content-Type: application\/pdf;[\s\S]*gp-letter\.pdf/i);
  expect(brief.raw.replace(/\r?\n/g, '')).toContain(PDF.toString('base64'));
});
