/**
 * The designer's whole promise, in a real Chromium against the real backend and a real n8n 2.41: a
 * designer builds a three-stage, two-decision process from an empty canvas with the palette and the
 * properties panel only, sees the checklist flag a decision without a path and clear it, undoes and
 * redoes, publishes, and generates its n8n workflow; a case started through the generated webhook is
 * decided in the inbox, n8n resumes on that decision's branch, and the live map counts the case in
 * the right stage and edge. Takes the docs' screenshots of the designer and the live map.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CURRENT, callWebhook } from '../../n8n';
import { openBrowser, screenshot, signIn, waitForPath, type Browser } from '../../browser/support/browser';
import { detail, openTask } from '../../templates/support/cases';
import { waitFor } from '../../templates/support/wait';
import { ENTITY_TYPE, REVIEWERS, startE2eStack, type E2eStack } from '../support/stack';

const UI_DIST = resolve(__dirname, '../../../editor-ui/dist');
const KEY = 'equipment-request';

let stack: E2eStack;
let designer: Browser;
let page: Page;
let admin: { email: string; password: string };

beforeAll(async () => {
  if (!existsSync(resolve(UI_DIST, 'index.html'))) throw new Error(`No built UI in ${UI_DIST}: run "npm run build -w editor-ui" first.`);
  stack = await startE2eStack(CURRENT, { uiDistPath: UI_DIST }, { followExecutions: true });
  const created = await stack.backend.createUser('designer', { name: 'Dee Designer', email: 'dee@example.test' });
  admin = { email: created.user.email, password: created.password };
  designer = await openBrowser(stack.backend.baseUrl);
  page = designer.page;
  await signIn(page, admin.email, admin.password);
}, 5 * 60_000);

afterAll(async () => {
  await designer?.close();
  await stack?.stop();
});

const palette = () => page.getByRole('region', { name: 'Palette' });
const properties = () => page.getByRole('region', { name: 'Properties' });
const checklist = () => page.getByRole('region', { name: 'Checklist' });
const canvas = () => page.locator('.react-flow__pane');

/** Adds a step from the palette: dragged onto the canvas at (x, y), or clicked when no point is given. */
async function addStep(kind: string, at?: { x: number; y: number }): Promise<void> {
  const item = palette().getByRole('button', { name: kind, exact: true });
  if (at) await item.dragTo(canvas(), { targetPosition: at });
  else await item.click();
}

async function fill(label: string, value: string): Promise<void> {
  await properties().getByLabel(label, { exact: true }).fill(value);
}

async function choose(label: string, option: string): Promise<void> {
  await properties().getByLabel(label, { exact: true }).selectOption({ label: option });
}

async function stage(label: string, key: string, at: { x: number; y: number }) {
  await addStep('Stage', at);
  await fill('Label', label);
  await fill('Stage key', key);
  await fill('Stage name', label);
  await choose('Owner queue', 'Reviewers');
}

async function decision(title: string, options: Array<[string, string]>) {
  await addStep('Decision');
  await fill('Label', title);
  await fill('Title', title);
  for (const [index, [key, label]] of options.entries()) {
    const rows = properties().getByLabel('Decision key', { exact: true });
    if ((await rows.count()) <= index) await properties().getByRole('button', { name: 'Add decision' }).click();
    await rows.nth(index).fill(key);
    await properties().getByLabel('Decision label', { exact: true }).nth(index).fill(label);
  }
}

async function outcome(name: string) {
  await addStep('Outcome');
  await fill('Label', `Outcome: ${name}`);
  await fill('Outcome', name);
}

/** Selects a step by clicking its node on the canvas. */
async function select(label: string) {
  await page.locator('.react-flow__node').filter({ hasText: label }).first().click();
}

describe('designing a process (Chromium, real n8n)', () => {
  it('builds three stages and two decisions from an empty canvas with the palette and the properties panel', async () => {
    await page.goto('/processes/new');
    const form = page.getByRole('form', { name: 'New process' });
    await form.getByLabel('Key').fill(KEY);
    await form.getByLabel('Name').fill('Equipment request');
    await form.getByLabel('Entity type').selectOption(ENTITY_TYPE);
    await form.getByRole('button', { name: 'Create' }).click();
    await waitForPath(page, `/processes/${KEY}/design`);
    await page.getByRole('heading', { name: 'Design: Equipment request' }).waitFor();

    await stage('Triage', 'triage', { x: 300, y: 120 });
    await stage('Approval', 'approval', { x: 300, y: 260 });
    await stage('Fulfilment', 'fulfilment', { x: 300, y: 400 });
    await decision('Triage request', [
      ['accept', 'Accept'],
      ['reject', 'Reject'],
    ]);
    await decision('Approve request', [
      ['approve', 'Approve'],
      ['decline', 'Decline'],
    ]);
    for (const name of ['rejected', 'declined', 'fulfilled']) await outcome(name);

    // Wire it from the properties panel: start → Triage → Triage request → …
    await select('Start');
    await choose('Next step', 'Triage');
    await select('Triage');
    await choose('Next step', 'Triage request');
    await select('Triage request');
    await choose('Path for Accept', 'Approval');
    await choose('Path for Reject', 'Outcome: rejected');
    await select('Approval');
    await choose('Next step', 'Approve request');
    await select('Approve request');
    await choose('Path for Approve', 'Fulfilment');
    await select('Fulfilment');
    await choose('Next step', 'Outcome: fulfilled');

    const missing = checklist().getByRole('button', { name: /"Decline" of "Approve request" has no path/ });
    await missing.waitFor();
    await missing.click();
    await properties().getByLabel('Title', { exact: true }).waitFor();
    await expect(properties().getByLabel('Title', { exact: true }).inputValue()).resolves.toBe('Approve request');
    await expect(page.locator('.react-flow__node.has-problem').filter({ hasText: 'Approve request' }).count()).resolves.toBe(1);

    await choose('Path for Decline', 'Outcome: declined');
    await checklist().getByText('No problems found').waitFor();
    await expect(page.locator('.react-flow__node.has-problem').count()).resolves.toBe(0);
  });

  it('undoes and redoes one gesture at a time', async () => {
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await checklist().getByRole('button', { name: /"Decline" of "Approve request" has no path/ }).waitFor();
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await checklist().getByText('No problems found').waitFor();
  });

  it('saves, publishes, and generates the n8n workflow', async () => {
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Unsaved changes').waitFor({ state: 'detached' });
    await screenshot(page, 'designer');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await waitFor('version 1 published', async () => {
      const res = await stack.backend.admin.get(`/processes/${KEY}`);
      return res.body.status === 'published' ? res.body : undefined;
    });

    await page.getByRole('button', { name: 'Generate n8n workflow' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Generate' }).click();
    await page.getByText('Workflow generated').waitFor({ timeout: 60_000 });
    const link = await stack.backend.admin.get(`/processes/${KEY}/n8n-workflow`).expect(200);
    await expect(page.getByRole('link', { name: 'Open in n8n' }).getAttribute('href')).resolves.toBe(link.body.editorUrl);
    const workflow = await stack.n8nApi.getWorkflow(link.body.workflowId);
    const caseflowTypes = workflow.nodes.map((node) => node.type).filter((type) => type.startsWith('n8n-nodes-caseflow.'));
    expect(caseflowTypes.filter((type) => type.endsWith('.assignStage'))).toHaveLength(3);
    expect(caseflowTypes.filter((type) => type.endsWith('.awaitDecision'))).toHaveLength(2);
  });

  it('runs a case started through the generated webhook, decided in the inbox, and the live map counts it', async () => {
    const link = (await stack.backend.admin.get(`/processes/${KEY}/n8n-workflow`).expect(200)).body as { webhookUrl: string };
    const started = await callWebhook(link.webhookUrl, { body: { entity: { externalId: 'req-1', name: 'Laptop for Ada', email: 'ada@example.test' }, data: { item: 'laptop' } } });
    if (started.status !== 201) throw new Error(`launch webhook answered ${started.status}: ${JSON.stringify(started.body)}`);
    const caseId = (started.body as { caseId: string }).caseId;

    const reviewer = await openBrowser(stack.backend.baseUrl);
    try {
      const rex = await stack.backend.createUser('reviewer', { name: 'Rex Reviewer', email: 'rex@example.test' });
      await stack.backend.admin.put(`/queues/${REVIEWERS}/members/${rex.user.id}`).expect((res) => expect(res.status).toBeLessThan(300));
      const triage = await openTask(stack.backend.admin, caseId, REVIEWERS, 30_000);
      expect(triage.title).toBe('Triage request');
      await signIn(reviewer.page, rex.user.email, rex.password);
      await reviewer.page.getByRole('link', { name: 'Triage request' }).first().click();
      await reviewer.page.getByRole('button', { name: 'Accept' }).click();
      await reviewer.page.getByText(/Decision recorded/).waitFor();
    } finally {
      await reviewer.close();
    }

    await waitFor('the case to reach Approval', async () => {
      const found = await detail(stack.backend.admin, caseId);
      return found.currentStage?.key === 'approval' ? found : undefined;
    }, 60_000, 500);

    await page.goto(`/processes/${KEY}/live`);
    await page.getByRole('heading', { name: 'Live map: Equipment request' }).waitFor();
    await page.locator('.react-flow__node').filter({ hasText: 'Approval' }).getByText('1 open').waitFor();
    await page.locator('.react-flow__edge').filter({ hasText: /Accept · 100\s?%/ }).first().waitFor();
    await screenshot(page, 'live-map');
    await page.locator('.react-flow__node').filter({ hasText: 'Approval' }).click();
    await page.getByRole('region', { name: 'Cases in Approval' }).getByRole('link', { name: /Laptop for Ada/ }).waitFor();
  });
});
