/**
 * The reviewer's day, in a real browser against the real backend: an admin sets up a queue and a
 * reviewer, the reviewer works the inbox and decides, the case moves on, another queue's reviewer
 * cannot see the task, a case is started from a record, and the reports count the decision.
 * Screenshots for the docs are taken along the way.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CaseFailures } from '../../backend/src/executions/case-failures.service';
import { OutboxWorker } from '../../backend/src/outbox/outbox.worker';
import { startTestApp, type Client, type TestApp } from '../../backend/test/support/test-app';
import { expectStatus } from './support/api';
import { LAPTOP, openBrowser, screenshot, signIn, signOut, TABLET, waitForPath, type Browser } from './support/browser';
import { FakeN8n } from './support/fake-n8n';
import { FollowingClock } from './support/following-clock';
import { openReferral, seedHistory, seedProcesses, STUDENTS, type Case } from './support/seed';

const UI_DIST = resolve(__dirname, '../../editor-ui/dist');
const RITA = { name: 'Rita Reviewer', email: 'rita@college.example.test', password: 'rita-password-1' };

describe('reviewer journey (Chromium)', () => {
  let app: TestApp;
  let n8n: FakeN8n;
  let browser: Browser;
  let page: Page;
  let admin: { email: string; password: string };
  let ritaId: string;
  let dana: { email: string; password: string; client: Client };
  let ada: Case;
  let mary: Case;

  /** Delivers what the outbox holds (launch webhooks, resume calls, e-mails), as the worker would. */
  const deliverOutbox = () => app.app.get(OutboxWorker).drain();

  beforeAll(async () => {
    if (!existsSync(resolve(UI_DIST, 'index.html'))) throw new Error(`No built UI in ${UI_DIST}: run "npm run build -w editor-ui" first.`);
    app = await startTestApp({ clock: new FollowingClock(), config: { uiDistPath: UI_DIST } });
    n8n = new FakeN8n();
    await n8n.start();
    const created = await app.createUser('admin', { name: 'Ada Admin', email: 'admin@college.example.test' });
    admin = { email: created.user.email, password: created.password };
    browser = await openBrowser(app.baseUrl);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await n8n?.stop();
    await app?.close();
  });

  it('serves the UI from the backend, with client-side routes falling back to the app', async () => {
    await page.goto('/tasks/does-not-matter');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(page.url()).toMatch(/\/sign-in$/);
  });

  it('lets an admin create a queue and a reviewer in it', async () => {
    await signIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Queues' }).click();
    const queueForm = page.getByRole('form', { name: 'Create a queue' });
    await queueForm.getByLabel('Name').fill('Advisors');
    await queueForm.getByLabel('Key').fill('advisors');
    await queueForm.getByLabel('Description').fill('Student advisors: first look at every referral');
    await queueForm.getByRole('button', { name: 'Create queue' }).click();
    await page.getByRole('cell', { name: 'advisors', exact: true }).waitFor();

    await page.getByRole('link', { name: 'Users' }).click();
    const userForm = page.getByRole('form', { name: 'Add a user' });
    await userForm.getByLabel('Name').fill(RITA.name);
    await userForm.getByLabel('Email').fill(RITA.email);
    await userForm.getByLabel('Password').fill(RITA.password);
    await userForm.getByLabel('Role').selectOption('reviewer');
    await userForm.getByRole('button', { name: 'Add user' }).click();
    await page.getByLabel(`Add ${RITA.name} to a queue`).selectOption('advisors');
    await page.getByRole('button', { name: `Remove ${RITA.name} from Advisors` }).waitFor();
    await screenshot(page, 'admin-users');

    const users = await expectStatus<{ items: Array<{ id: string; email: string; role: string; queues: Array<{ key: string }> }> }>(app.admin.get('/users'), 200);
    const rita = users.items.find((u) => u.email === RITA.email);
    expect(rita).toMatchObject({ role: 'reviewer', queues: [{ key: 'advisors' }] });
    ritaId = rita!.id;
    await signOut(page);
  });

  it('seeds processes, records and open referrals through the API (as n8n would)', async () => {
    await expectStatus(app.admin.post('/queues').send({ key: 'department', name: 'Academic department' }), 201);
    await expectStatus(app.admin.post('/queues').send({ key: 'finance', name: 'Finance' }), 201);
    const danaUser = await app.createUser('reviewer', { name: 'Dana Department', email: 'dana@college.example.test' });
    dana = { email: danaUser.user.email, password: danaUser.password, client: danaUser.client };
    await expectStatus(app.admin.put(`/queues/department/members/${danaUser.user.id}`), [200, 204]);
    const historian = await app.createUser('reviewer', { name: 'Sam Senior' });
    await expectStatus(app.admin.put(`/queues/advisors/members/${historian.user.id}`), [200, 204]);

    await seedProcesses(app, `${n8n.url}/webhook/student-support`);
    await seedHistory(app, historian.client);

    ada = await openReferral(app, { student: STUDENTS.ada, createdHoursAgo: 3, dueInHours: 5, priority: 3, resumeUrl: `${n8n.url}/resume` });
    await openReferral(app, { student: STUDENTS.grace, createdHoursAgo: 9, dueInHours: -1, priority: 4 });
    await openReferral(app, { student: STUDENTS.alan, createdHoursAgo: 7, dueInHours: 0.6 });
    await openReferral(app, { student: STUDENTS.katherine, createdHoursAgo: 1, priority: 1 });
    mary = await openReferral(app, { student: STUDENTS.mary, createdHoursAgo: 2, dueInHours: 22 });
    await expectStatus(app.automation.post('/entities').send({ type: 'student', ...STUDENTS.dorothy, attributes: { course: 'MSc Computing', year: 1 } }), [200, 201]);
    await expectStatus(app.automation.post('/entities').send({ type: 'employee', externalId: 'E-1', name: 'Eve Employee' }), [200, 201]);
    await expectStatus(app.automation.post('/entities').send({ type: 'invoice', externalId: 'INV-1', name: 'Invoice INV-1' }), [200, 201]);
    await expectStatus(app.automation.post('/entities').send({ type: 'prospect', externalId: 'P-42', name: 'Northwind Training Ltd', email: 'hello@northwind.example.test' }), [200, 201]);

    // The rest of Ada's case so far: a message to her and a follow-up timer.
    await expectStatus(
      app.automation.post('/messages').send({
        instanceId: ada.instanceId,
        inline: { subject: 'We have received your referral', text: 'Dear Ada,\n\nan advisor will look at your referral within a working day.', html: '<p>Dear Ada,</p><p>an advisor will look at your referral <strong>within a working day</strong>.</p>' },
        to: { entity: true },
      }),
      201,
    );
    await expectStatus(
      app.automation.post('/timers').send({ instanceId: ada.instanceId, anchorAt: new Date().toISOString(), offset: { amount: 14, unit: 'days' }, resumeUrl: `${n8n.url}/resume-timer`, label: 'Check in with Ada' }),
      201,
    );
    await deliverOutbox();

    // What the student-support workflow does after a decision and when started from the UI.
    n8n.on('/resume/', async (call) => {
      const instanceId = String(call.body.instanceId);
      await expectStatus(app.automation.post(`/instances/${instanceId}/stage`).send({ stageKey: 'department-review', note: `Advisor decided: ${String(call.body.decision)}` }), 200);
      await expectStatus(
        app.automation.post('/tasks').send({ instanceId, queue: 'department', stageKey: 'department-review', title: 'Department review: Ada Lovelace', dueInMinutes: 24 * 60 }),
        201,
      );
    });
    n8n.on('/webhook/student-support', async (call) => {
      const instanceId = String(call.body.instanceId);
      await expectStatus(app.automation.post(`/instances/${instanceId}/stage`).send({ stageKey: 'advisor-review' }), 200);
      await expectStatus(app.automation.post('/tasks').send({ instanceId, queue: 'advisors', stageKey: 'advisor-review', title: 'Review referral: Dorothy Vaughan', dueInMinutes: 8 * 60 }), 201);
    });
  });

  it('shows the reviewer only their own queue, with SLA colours', async () => {
    await signIn(page, RITA.email, RITA.password);
    await waitForPath(page, '/inbox');
    const queues = page.getByRole('navigation', { name: 'Queues' });
    await queues.getByRole('button', { name: /Advisors/ }).waitFor();
    await expect(queues.getByRole('button').allTextContents()).resolves.toEqual([expect.stringMatching(/^All my queues/), expect.stringMatching(/^Advisors/)]);
    const rows = page.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(5);
    await expect(page.getByRole('row', { name: /Grace Hopper/ }).locator('[data-sla]').getAttribute('data-sla')).resolves.toBe('breached');
    await expect(page.getByRole('row', { name: /Ada Lovelace/ }).locator('[data-sla]').getAttribute('data-sla')).resolves.toBe('on_time');
    await expect(page.getByText('Department review: Ada Lovelace').count()).resolves.toBe(0);
  });

  it('claims a task from the inbox and moves through it with the keyboard', async () => {
    const row = page.getByRole('row', { name: /Review referral: Ada Lovelace/ });
    await row.getByRole('button', { name: 'Claim Review referral: Ada Lovelace' }).click();
    await row.getByRole('button', { name: 'Unclaim Review referral: Ada Lovelace' }).waitFor();
    await expect(row.getByText(RITA.name).count()).resolves.toBe(1);
    const task = await expectStatus<{ assignee: { id: string } | null; status: string }>(app.admin.get(`/tasks/${ada.taskId}`), 200);
    expect(task).toMatchObject({ status: 'claimed', assignee: { id: ritaId } });

    await page.locator('body').press('j');
    await page.locator('tr[aria-current="true"]').waitFor();
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await screenshot(page, 'inbox');
    await page.setViewportSize(TABLET);
    await screenshot(page, 'inbox-tablet');
    await page.setViewportSize(LAPTOP);
  });

  it('decides with a comment, and the task page shows the case moving on', async () => {
    await page.getByRole('link', { name: 'Review referral: Ada Lovelace' }).click();
    await page.getByRole('heading', { name: 'Review referral: Ada Lovelace' }).waitFor();
    await page.getByRole('heading', { name: 'Ada Lovelace', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.getByText('A comment is required to decline.').waitFor();
    await page.getByLabel(/Comment/).fill('Needs an adjusted deadline plan; the department owns extensions.');
    await screenshot(page, 'task');
    await page.getByRole('button', { name: 'Refer to department' }).click();
    await page.getByText('Decision recorded. Waiting for the workflow to move the case on…').waitFor();

    await deliverOutbox();
    expect(n8n.calls.some((c) => c.path === `/resume/${ada.instanceId}` && c.body.decision === 'refer')).toBe(true);
    await page.getByText('The case moved on to Department review.').waitFor({ timeout: 20_000 });
    await screenshot(page, 'task-decided');
  });

  it('shows the next stage and the decision on the instance page', async () => {
    await page.getByRole('link', { name: 'View the case timeline' }).click();
    await page.getByRole('heading', { name: 'Stages' }).waitFor();
    const current = page.locator('tr.row-current');
    await expect(current.innerText()).resolves.toContain('Department review');
    await page.getByText('Decided: Refer to department').first().waitFor();
    await page.getByText('Needs an adjusted deadline plan; the department owns extensions.').first().waitFor();
    await page.getByText('Message: We have received your referral').first().waitFor();
    await page.getByText(/Check in with Ada: Waiting until/).first().waitFor();
    await page.getByText('Show message').click();
    await page.getByRole('button', { name: 'Show the HTML version' }).click();
    await page.frameLocator('iframe[title="Message: We have received your referral"]').getByText('within a working day').waitFor();
    await page.getByRole('button', { name: 'Show the text version' }).click();
    await page.getByText(/an advisor will look at your referral within a working day/).waitFor();
    await page.getByText(/Delivery \(n8n resume\): delivered/).waitFor();
    await screenshot(page, 'instance');
  });

  it('tells the reviewer clearly when someone else decided the task first', async () => {
    await page.goto(`/tasks/${mary.taskId}`);
    await page.getByRole('button', { name: 'Approve support' }).waitFor();
    const senior = await app.createUser('reviewer', { name: 'Quick Colleague' });
    await expectStatus(app.admin.put(`/queues/advisors/members/${senior.user.id}`), [200, 204]);
    await expectStatus(senior.client.post(`/tasks/${mary.taskId}/decide`).send({ decision: 'approve' }), 200);
    await page.getByRole('button', { name: 'Approve support' }).click();
    await page.getByText('Someone else got here first.').waitFor();
    await page.getByText('Quick Colleague', { exact: true }).waitFor();
    const after = await expectStatus<{ decision: string; decidedBy: { name: string } }>(app.admin.get(`/tasks/${mary.taskId}`), 200);
    expect(after).toMatchObject({ decision: 'approve', decidedBy: { name: 'Quick Colleague' } });
  });

  it('starts a workflow from a record page, listing only the processes for its type', async () => {
    await page.getByRole('link', { name: 'Students' }).click();
    await page.getByRole('searchbox').fill('Dorothy');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('link', { name: 'Dorothy Vaughan' }).click();
    await page.getByRole('button', { name: 'Start workflow' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a workflow for Dorothy Vaughan' });
    await expect(dialog.locator('.choice-title').allTextContents()).resolves.toEqual(['Student support referral']);
    await dialog.getByRole('button', { name: /Student support referral/ }).click();
    await waitForPath(page, /^\/instances\/[^/]+$/);
    const instanceId = page.url().split('/instances/')[1]!;

    const launched = await expectStatus<{ entity: { name: string }; processKey: string }>(app.admin.get(`/instances/${instanceId}`), 200);
    expect(launched).toMatchObject({ processKey: 'student-support', entity: { name: 'Dorothy Vaughan' } });
    await deliverOutbox();
    expect(n8n.calls.filter((c) => c.path === '/webhook/student-support').map((c) => c.body.instanceId)).toEqual([instanceId]);
    await page.reload();
    await expect(page.locator('tr.row-current').innerText()).resolves.toContain('Advisor review');

    await page.goBack();
    await page.getByRole('link', { name: 'Student support referral' }).waitFor();
    await screenshot(page, 'entity');

    await page.goto('/entities/employee');
    await page.getByRole('link', { name: 'Eve Employee' }).click();
    await page.getByRole('heading', { name: 'Eve Employee' }).waitFor();
    await page.getByRole('heading', { name: 'Cases' }).waitFor();
    await expect(page.getByRole('button', { name: 'Start workflow' }).count()).resolves.toBe(0);
  });

  it('keeps the task away from a reviewer of another queue', async () => {
    await signOut(page);
    await signIn(page, dana.email, dana.password);
    await waitForPath(page, '/inbox');
    await page.getByRole('link', { name: 'Department review: Ada Lovelace' }).waitFor();
    await expect(page.getByText('Review referral: Ada Lovelace').count()).resolves.toBe(0);
    await expect(page.getByRole('navigation', { name: 'Queues' }).getByRole('button', { name: /Advisors/ }).count()).resolves.toBe(0);
    await page.goto(`/tasks/${ada.taskId}`);
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('button', { name: 'Refer to department' }).count()).resolves.toBe(0);
    await expectStatus(dana.client.get(`/tasks/${ada.taskId}`), [403, 404]);
  });

  it('counts the decision in the reports', async () => {
    await signOut(page);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('link', { name: 'Reports' }).click();
    const decisions = page.getByRole('region', { name: 'Decisions' });
    const referRow = decisions.getByRole('row').filter({ hasText: 'refer' });
    await referRow.first().waitFor();
    await expect(decisions.locator('.recharts-surface').count()).resolves.toBeGreaterThan(0);
    const report = await expectStatus<{ rows: Array<{ decision: string; count: number }> }>(app.admin.get('/reports/decisions?processKey=student-support'), 200);
    expect(report.rows.find((r) => r.decision === 'refer')?.count).toBe(3);
    const csv = decisions.getByRole('link', { name: /Download CSV/ });
    const href = await csv.getAttribute('href');
    expect(href).toContain('/api/v1/reports/decisions?');
    expect(href).toContain('format=csv');
    const download = await page.request.get(href!);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('refer');
    await screenshot(page, 'reports');
  });

  it('converts a prospect into a client, keeping the record', async () => {
    await page.getByRole('link', { name: 'Prospects' }).click();
    await page.getByRole('link', { name: 'Northwind Training Ltd' }).click();
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Convert to client' }).click();
    await waitForPath(page, /^\/entities\/client\/[^/]+$/);
    await page.getByRole('heading', { name: 'Northwind Training Ltd' }).waitFor();
    await expect(page.getByRole('button', { name: 'Convert to client' }).count()).resolves.toBe(0);
    const clients = await expectStatus<{ items: Array<{ externalId: string }> }>(app.admin.get('/entities?type=client'), 200);
    expect(clients.items.map((c) => c.externalId)).toEqual(['P-42']);
  });

  it('installs a bundled template from the admin page, and installing again changes nothing', async () => {
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('link', { name: 'Templates' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Bookings' });
    // The gallery draws the template's process before anything is installed.
    await card.getByRole('button', { name: /^Show (\d+ )?diagrams?$/ }).click();
    await card.locator('.react-flow__node').filter({ hasText: 'Confirmed' }).first().waitFor();
    await screenshot(page, 'template-diagram');
    await card.getByRole('button', { name: /^Hide (\d+ )?diagrams?$/ }).click();
    await card.getByRole('button', { name: /^Install/ }).click();
    await card.getByRole('status').filter({ hasText: /Installed: \d+ created/ }).waitFor();
    const processes = await expectStatus<{ items: Array<{ key: string; status: string }> }>(app.admin.get('/processes?limit=100'), 200);
    const installed = processes.items.filter((p) => p.key.startsWith('booking'));
    expect(installed.length).toBeGreaterThan(0);
    expect(installed.every((p) => p.status === 'published')).toBe(true);
    await card.getByRole('button', { name: /^Install again/ }).click();
    await card.getByRole('status').filter({ hasText: /Installed: 0 created, 0 updated/ }).waitFor();
    await screenshot(page, 'admin-templates');
  });
  it('lists a failed case under Needs attention, and cancels it from its banner', async () => {
    const launched = await expectStatus<{ id: string }>(
      app.automation.post('/instances').send({
        processKey: 'student-support',
        entity: { type: 'student', externalId: 'S-FAIL', name: 'Fay Failing', email: 'fay@student.example.test' },
        data: { reason: 'Missed the placement deadline' },
        stageKey: 'advisor-review',
      }),
      201,
    );
    // As the execution sweep does when n8n reports the execution failed.
    await app.db.transaction(() =>
      app.app.get(CaseFailures).fail(launched.id, {
        message: 'The CRM refused the update: account closed',
        node: 'Update the CRM',
        executionId: '4242',
        workflowId: '7',
        executionUrl: 'http://n8n.college.example.test/workflow/7/executions/4242',
        source: 'execution',
      }),
    );

    await page.goto(`${app.baseUrl}/attention`);
    await page.getByRole('heading', { name: 'Needs attention' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Fay Failing (S-FAIL)' });
    await row.getByText('Update the CRM').waitFor();
    await row.getByText('The CRM refused the update: account closed').waitFor();
    await screenshot(page, 'needs-attention');

    await row.getByRole('link').first().click();
    await waitForPath(page, `/instances/${launched.id}`);
    await page.getByText('The n8n execution failed in “Update the CRM”.').waitFor();
    const link = page.getByRole('link', { name: 'Open the execution in n8n' });
    await expect(link.getAttribute('href')).resolves.toBe('http://n8n.college.example.test/workflow/7/executions/4242');
    await screenshot(page, 'case-needs-attention');

    await page.getByRole('button', { name: 'Cancel case' }).click();
    await page.getByRole('button', { name: 'Cancel the case' }).click();
    await page.getByRole('heading', { name: 'Needs attention' }).waitFor({ state: 'detached' });
    const cancelled = await expectStatus<{ status: string; failure: unknown }>(app.admin.get(`/instances/${launched.id}`), 200);
    expect(cancelled).toMatchObject({ status: 'cancelled', failure: null });
    await page.goto(`${app.baseUrl}/attention`);
    await page.getByText('Nothing needs attention').waitFor();
  });
});
