/**
 * The Processes area in a real browser against the real backend: an admin lists the processes with
 * their versions and drafts, opens one and sees it drawn by React Flow (stages in order, the
 * decisions leaving the last stage), selects a stage to read its properties. Takes the docs'
 * screenshot of the diagram.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../backend/test/support/test-app';
import { expectStatus } from './support/api';
import { openBrowser, screenshot, signIn, waitForPath, type Browser } from './support/browser';
import { FollowingClock } from './support/following-clock';

const UI_DIST = resolve(__dirname, '../../editor-ui/dist');

const REFERRAL = {
  key: 'student-referral',
  name: 'Student support referral',
  description: 'Advisor review, then the department decides.',
  entityTypes: ['student'],
  stages: [
    {
      key: 'advisor-review',
      name: 'Advisor review',
      ownerQueue: 'advisors',
      slaMinutes: 8 * 60,
      stallAfterMinutes: 3 * 24 * 60,
      escalation: [
        { atPercent: 75, action: 'notify' },
        { afterBreachMinutes: 60, action: 'escalate', toQueue: 'advisor-leads', priority: 4 },
      ],
    },
    { key: 'department-review', name: 'Department review', ownerQueue: 'department', slaMinutes: 24 * 60 },
    { key: 'student-message', name: 'Tell the student' },
  ],
  decisions: [
    { key: 'approve', label: 'Approve support' },
    { key: 'refer', label: 'Refer elsewhere' },
    { key: 'decline', label: 'Decline', commentRequired: true },
  ],
  intake: [
    { path: 'entity.email', label: 'Student email', type: 'email', required: true },
    { path: 'data.reason', label: 'Reason for referral', type: 'text', required: true },
    { path: 'data.evidence', label: 'Evidence', type: 'file' },
  ],
};

describe('processes area (Chromium)', () => {
  let app: TestApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!existsSync(resolve(UI_DIST, 'index.html'))) throw new Error(`No built UI in ${UI_DIST}: run "npm run build -w editor-ui" first.`);
    app = await startTestApp({ clock: new FollowingClock(), config: { uiDistPath: UI_DIST } });
    for (const key of ['advisors', 'advisor-leads', 'department']) {
      await expectStatus(app.admin.post('/queues').send({ key, name: key }), 201);
    }
    await expectStatus(app.admin.post('/processes').send(REFERRAL), 201);
    await expectStatus(app.admin.post('/processes/student-referral/publish'), [200, 201]);
    await expectStatus(app.admin.post('/processes/student-referral/draft'), [200, 201]);
    await expectStatus(
      app.admin.post('/processes').send({ key: 'alumni-outreach', name: 'Alumni outreach', entityTypes: ['student'], stages: [{ key: 'contact', name: 'Contact' }] }),
      201,
    );
    const admin = await app.createUser('admin', { name: 'Ada Admin', email: 'admin@college.example.test' });
    browser = await openBrowser(app.baseUrl);
    page = browser.page;
    await signIn(page, admin.user.email, admin.password);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('lists every process with its published version and its draft', async () => {
    await page.getByRole('link', { name: 'Processes' }).click();
    await waitForPath(page, '/processes');
    const referral = page.getByRole('row').filter({ hasText: 'Student support referral' });
    await referral.getByRole('link', { name: 'Student support referral version 1' }).waitFor();
    await referral.getByRole('link', { name: 'Student support referral draft version 2' }).waitFor();
    const outreach = page.getByRole('row').filter({ hasText: 'Alumni outreach' });
    await outreach.getByText('Not yet').waitFor();
    await outreach.getByRole('link', { name: 'Alumni outreach draft version 1' }).waitFor();
  });

  it('opens a published version drawn as a diagram, and shows a selected stage in the properties panel', async () => {
    await page.getByRole('link', { name: 'Student support referral version 1' }).click();
    await waitForPath(page, '/processes/student-referral/versions/1');
    const diagram = page.getByRole('figure', { name: 'Diagram of Student support referral' });
    const node = (name: string) => diagram.locator('.react-flow__node').filter({ hasText: name });
    for (const name of ['Advisor review', 'Department review', 'Tell the student']) await node(name).waitFor();
    await node('Student email').waitFor();
    await node('Advisor review').getByText('+1 h · escalate → advisor-leads').waitFor();
    for (const label of ['Approve support', 'Refer elsewhere', 'Decline (comment)']) await diagram.getByText(label).waitFor();

    // Drawn left to right in the order of the definition, every node inside the visible canvas.
    const xs = [];
    for (const name of ['Student email', 'Advisor review', 'Department review', 'Tell the student']) xs.push((await node(name).boundingBox())!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const canvas = (await diagram.boundingBox())!;
    for (const box of await Promise.all((await diagram.locator('.react-flow__node').all()).map((n) => n.boundingBox()))) {
      expect(box!.x).toBeGreaterThanOrEqual(canvas.x);
      expect(box!.x + box!.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    }
    await expect(diagram.locator('.react-flow__minimap').count()).resolves.toBe(1);

    await node('Advisor review').click();
    const panel = page.getByRole('complementary', { name: 'Properties' });
    await panel.getByRole('heading', { name: 'Stage 1: Advisor review' }).waitFor();
    await panel.getByText('3 d').waitFor();
    await screenshot(page, 'process-diagram');
  });

  it('does not let the read-only diagram be rearranged', async () => {
    const diagram = page.getByRole('figure', { name: 'Diagram of Student support referral' });
    const box = (name: string) => diagram.locator('.react-flow__node').filter({ hasText: name }).boundingBox();
    const offset = async () => {
      const [stage, neighbour] = [(await box('Department review'))!, (await box('Advisor review'))!];
      return { x: stage.x - neighbour.x, y: stage.y - neighbour.y };
    };
    const before = await offset();
    const start = (await box('Department review'))!;
    await page.mouse.move(start.x + 20, start.y + 10);
    await page.mouse.down();
    await page.mouse.move(start.x + 220, start.y + 160, { steps: 5 });
    await page.mouse.up();
    // Dragging may pan the whole view, but the stage keeps its place next to its neighbour.
    const after = await offset();
    expect(after.x).toBeCloseTo(before.x, 0);
    expect(after.y).toBeCloseTo(before.y, 0);
  });
});
