import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertQueue } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { CLEAN_DECISIONS, CLEAN_FLOW, CLEAN_STAGES } from './process-flow.fixtures';

const KEY = 'reinstall-referral';

/** CLEAN_FLOW without its message step (the template installs no message), so it fits the process below. */
const DESIGNED_FLOW = {
  steps: CLEAN_FLOW.steps.filter((step) => step.kind !== 'message'),
  links: CLEAN_FLOW.links.filter((link) => link.from !== 'welcome' && link.to !== 'welcome').concat({ from: 'wait', to: 'approved' }),
};

/** A template folder whose process has no flow of its own; `change` edits the process file before it is written. */
function writeTemplate(root: string, change: (process: Record<string, unknown>) => void = () => undefined): void {
  const process: Record<string, unknown> = { key: KEY, name: 'Referral', entityTypes: ['student'], stages: CLEAN_STAGES, decisions: CLEAN_DECISIONS };
  change(process);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'process.json'), JSON.stringify(process));
  writeFileSync(join(root, 'messages.json'), '[]');
}

describe('reinstalling a template keeps a flow drawn in the designer', () => {
  let t: TestApp;
  let root: string;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'caseflow-reinstall-'));
    root = join(dir, 'referrals');
    writeTemplate(root);
    t = await startTestApp({ config: { templatesDir: dir } });
    await insertQueue(t, { key: 'advisors' });
    await insertQueue(t, { key: 'department' });
  });
  afterAll(() => t.close());

  const processes = async () => {
    const res = await t.admin.post('/templates/referrals/install');
    if (res.status !== 200) throw new Error(`install answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body.processes;
  };
  const latest = async () => (await t.admin.get(`/processes/${KEY}`).expect(200)).body;

  it('installs, then a designer adds a flow and publishes it', async () => {
    expect(await processes()).toEqual([{ key: KEY, change: 'created', version: 1 }]);
    await t.admin.post(`/processes/${KEY}/draft`).expect(201);
    await t.admin.patch(`/processes/${KEY}/draft`).send({ flow: DESIGNED_FLOW }).expect(200);
    await t.admin.post(`/processes/${KEY}/publish`).expect(200);
    expect((await latest()).flow.steps).toHaveLength(DESIGNED_FLOW.steps.length);
  });

  it('installing again changes nothing and keeps the flow', async () => {
    expect(await processes()).toEqual([{ key: KEY, change: 'unchanged', version: 2 }]);
    expect((await latest()).flow).toMatchObject({ steps: expect.any(Array), links: expect.any(Array) });
  });

  it('a template update that still fits the flow publishes a new version with the flow', async () => {
    writeTemplate(root, (process) => (process.description = 'Referrals from advisors'));
    expect(await processes()).toEqual([{ key: KEY, change: 'updated', version: 3 }]);
    const body = await latest();
    expect(body).toMatchObject({ version: 3, description: 'Referrals from advisors' });
    expect(body.flow.steps.map((step: { id: string }) => step.id)).toEqual(DESIGNED_FLOW.steps.map((step) => step.id));
  });

  it('a template update the flow no longer fits drops the flow and says why', async () => {
    writeTemplate(root, (process) => (process.stages = CLEAN_STAGES.filter((stage) => stage.key !== 'closing')));
    const [item] = await processes();
    expect(item).toMatchObject({ key: KEY, change: 'updated', version: 4 });
    expect(item.note).toMatch(/^The designed flow was dropped: it no longer fits the template's definition\. .*closing/);
    const body = await latest();
    expect(body.version).toBe(4);
    expect(body.flow).toBeNull();
  });
});
