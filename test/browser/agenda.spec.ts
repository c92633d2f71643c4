/**
 * Activities and My agenda in a real browser against the real backend: a reviewer adds a follow-up
 * due tomorrow at 10:00 for themselves from a case page, sees it in the case's Activities and on its
 * timeline, opens My agenda from the menu and finds it under "Tomorrow" with the case's name next to
 * the task they claimed, after what is overdue; completing it there takes it off the agenda (and the
 * backend agrees).
 * Takes the docs' screenshot of the agenda.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type Client, type TestApp } from '../../backend/test/support/test-app';
import { expectStatus } from './support/api';
import { openBrowser, screenshot, signIn, waitForPath, type Browser } from './support/browser';
import { FollowingClock } from './support/following-clock';

const UI_DIST = resolve(__dirname, '../../editor-ui/dist');
const DAY = 86_400_000;

const PROCESS = {
  key: 'learning-support',
  name: 'Learning support request',
  entityTypes: ['student'],
  stages: [{ key: 'advisor-review', name: 'Advisor review', ownerQueue: 'advisors' }],
  decisions: [{ key: 'approve', label: 'Approve support' }],
};

interface Activity {
  title: string;
  kind: string;
  status: string;
  dueAt: string | null;
  assignee: { id: string; name: string };
}

describe('activities and My agenda (Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let ritaId: string;
  let ritaClient: Client;
  let adaCase: string;
  // The browser runs in UTC, and so does Rita's agenda (her time zone is left at its default).
  const tomorrow = new Date(Date.now() + DAY).toISOString().slice(0, 10);

  const activities = () => page.getByRole('region', { name: 'Activities' });
  const adaActivities = async () => expectStatus<Activity[]>(app.admin.get(`/instances/${adaCase}/activities`), 200);

  /** A case for a student, waiting on the advisors, with its task due `dueInMinutes` from now. */
  async function openCase(name: string, externalId: string, dueInMinutes: number): Promise<{ instanceId: string; taskId: string }> {
    const instance = await expectStatus<{ id: string }>(
      app.automation.post('/instances').send({ processKey: PROCESS.key, entity: { type: 'student', externalId, name }, stageKey: 'advisor-review', data: {} }),
      201,
    );
    const task = await expectStatus<{ id: string }>(
      app.automation.post('/tasks').send({ instanceId: instance.id, queue: 'advisors', stageKey: 'advisor-review', title: `Review referral: ${name}`, dueInMinutes }),
      201,
    );
    return { instanceId: instance.id, taskId: task.id };
  }

  beforeAll(async () => {
    if (!existsSync(resolve(UI_DIST, 'index.html'))) throw new Error(`No built UI in ${UI_DIST}: run "npm run build -w editor-ui" first.`);
    app = await startTestApp({ clock: new FollowingClock(), config: { uiDistPath: UI_DIST } });
    await expectStatus(app.admin.post('/queues').send({ key: 'advisors', name: 'Advisors' }), 201);
    await expectStatus(app.admin.post('/processes').send(PROCESS), 201);
    await expectStatus(app.admin.post(`/processes/${PROCESS.key}/publish`), [200, 201]);
    const rita = await app.createUser('reviewer', { name: 'Rita Reviewer', email: 'rita@college.example.test' });
    ritaId = rita.user.id;
    ritaClient = rita.client;
    await expectStatus(app.admin.put(`/queues/advisors/members/${ritaId}`), [200, 204]);

    adaCase = (await openCase('Ada Lovelace', 'S-3001', 5 * 24 * 60)).instanceId;
    // Grace's task is due in three days and claimed by Rita: it is hers, so it is on her agenda.
    const grace = await openCase('Grace Hopper', 'S-3002', 3 * 24 * 60);
    await expectStatus(rita.client.post(`/tasks/${grace.taskId}/claim`), [200, 201]);
    // Hers too: a to-do she let slip yesterday, and a meeting the day after tomorrow.
    const day = (offset: number, time: string) => `${new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)}T${time}:00.000Z`;
    await expectStatus(rita.client.post(`/instances/${grace.instanceId}/activities`).send({ kind: 'to-do', title: 'Send the forms', dueAt: day(-1, '09:00') }), 201);
    await expectStatus(rita.client.post(`/instances/${grace.instanceId}/activities`).send({ kind: 'event', title: 'Meet Grace', startAt: day(2, '14:00'), endAt: day(2, '15:00') }), 201);

    browser = await openBrowser(app.baseUrl);
    page = browser.page;
    await signIn(page, rita.user.email, rita.password);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('refuses a follow-up without a due time at its field, adding nothing', async () => {
    await page.goto(`/instances/${adaCase}`);
    const form = activities().getByRole('form', { name: 'Add activity' });
    await form.getByLabel('Title').fill('Call the student');
    await form.getByRole('button', { name: 'Add activity' }).click();
    await form.getByText('A follow-up needs a due time.').waitFor();
    await expect(form.getByLabel('Due').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(adaActivities()).resolves.toEqual([]);
  });

  it('adds a follow-up due tomorrow at 10:00 for the reviewer, shown in Activities and on the timeline', async () => {
    const form = activities().getByRole('form', { name: 'Add activity' });
    await expect(form.getByLabel('Kind').inputValue()).resolves.toBe('follow-up');
    await expect(form.getByLabel('Assignee').inputValue()).resolves.toBe(ritaId);
    await form.getByLabel('Due').fill(`${tomorrow}T10:00`);
    await form.getByLabel('Note').fill('Ask about the missing coursework.');
    await form.getByRole('button', { name: 'Add activity' }).click();
    await form.getByRole('status').filter({ hasText: 'Follow-up “Call the student” added for Rita Reviewer.' }).waitFor();

    const item = activities().getByRole('list', { name: 'Open activities' }).getByRole('listitem', { name: 'Call the student' });
    await item.getByText('Follow-up', { exact: true }).waitFor();
    await item.getByText(/due .*10:00 · Rita Reviewer/).waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText(/^Follow-up 'Call the student' added for Rita Reviewer, due .*10:00$/).waitFor();

    await expect(adaActivities()).resolves.toEqual([
      expect.objectContaining({ title: 'Call the student', kind: 'follow-up', status: 'open', dueAt: `${tomorrow}T10:00:00.000Z`, assignee: { id: ritaId, name: 'Rita Reviewer' } }),
    ]);
  });

  it('lists it in My agenda under Tomorrow with its case, and the claimed task on its day', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My agenda' }).click();
    await waitForPath(page, '/agenda');
    const row = page.getByRole('region', { name: 'Tomorrow' }).getByRole('row').filter({ hasText: 'Call the student' });
    await row.getByText('Follow-up', { exact: true }).waitFor();
    await row.getByText('Ada Lovelace').waitFor();
    await row.getByText('10:00').waitFor();
    await row.getByText('Learning support request').waitFor();
    await expect(row.getByRole('link', { name: 'Call the student' }).getAttribute('href')).resolves.toBe(`/instances/${adaCase}`);
    // What slipped comes first, then the days in order.
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.slice(0, 2)).toEqual(['Overdue', 'Tomorrow']);
    expect(headings).toHaveLength(4);
    await page.getByRole('region', { name: 'Overdue' }).getByRole('row').filter({ hasText: 'Send the forms' }).getByText('To-do', { exact: true }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Meet Grace' }).getByText('14:00–15:00').waitFor();

    const task = page.getByRole('row').filter({ hasText: 'Review referral: Grace Hopper' });
    await task.getByText('Task', { exact: true }).waitFor();
    await task.getByText('Grace Hopper', { exact: true }).waitFor();
    await expect(task.getByRole('button', { name: /Complete/ }).count()).resolves.toBe(0);
    // Ada's task is the advisors' queue's, not Rita's: it stays off her agenda.
    await expect(page.getByText('Review referral: Ada Lovelace').count()).resolves.toBe(0);
    await screenshot(page, 'agenda');
  });

  it('completes the follow-up from the agenda: it leaves the agenda and is done on the case', async () => {
    await page.getByRole('button', { name: 'Complete Call the student' }).click();
    await page.getByRole('row').filter({ hasText: 'Call the student' }).waitFor({ state: 'detached' });
    await page.getByRole('row').filter({ hasText: 'Review referral: Grace Hopper' }).waitFor();
    await expect(adaActivities()).resolves.toEqual([expect.objectContaining({ title: 'Call the student', status: 'done' })]);
    const agenda = await expectStatus<{ days: Array<{ items: Array<{ title: string }> }> }>(ritaClient.get('/me/agenda'), 200);
    const titles = agenda.days.flatMap((day) => day.items).map((item) => item.title);
    expect(titles).toContain('Review referral: Grace Hopper');
    expect(titles).not.toContain('Call the student');

    await page.goto(`/instances/${adaCase}`);
    await activities().getByText('Nothing open: no follow-ups, to-dos or events waiting on this case.').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText("Follow-up 'Call the student' completed").waitFor();
  });
});
