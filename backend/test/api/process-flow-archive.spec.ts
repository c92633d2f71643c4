import { EventTable, InstanceTable } from '../../src/database/tables';
import { REFERRAL, setUpReferralProcess, student } from '../support/scenario';
import type { Client } from '../support/test-app';
import { startTestApp, TestApp } from '../support/test-app';

describe('archiving a process', () => {
  let t: TestApp;
  let designer: Client;
  let viewer: Client;

  beforeAll(async () => {
    t = await startTestApp();
    designer = (await t.createUser('designer')).client;
    viewer = (await t.createUser('viewer')).client;
    await setUpReferralProcess(t.admin);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(async () => {
    await designer.post(`/processes/${REFERRAL.key}/unarchive`).expect(200);
  });

  const listedKeys = async (query = '') => ((await designer.get(`/processes${query}`).expect(200)).body.items as Array<{ key: string }>).map((row) => row.key);
  const launch = (n: number, extra: Record<string, unknown> = {}) =>
    t.automation.post('/instances').send({ processKey: REFERRAL.key, entity: student(n), ...extra });
  const countInstances = () => t.db.read(() => t.db.manager.count(InstanceTable));
  const archiveEvents = async () =>
    (await t.db.read(() => t.db.manager.find(EventTable, { order: { seq: 'ASC' } }))).filter((event) => event.type.startsWith('process.') && event.type.endsWith('archived'));

  it('archives with 200 and the process, leaving it out of the list unless ?archived=true', async () => {
    const res = await designer.post(`/processes/${REFERRAL.key}/archive`).expect(200);
    expect(res.body).toMatchObject({ key: REFERRAL.key, status: 'published', archivedAt: new Date(t.clock.now()).toISOString() });
    expect(await listedKeys()).not.toContain(REFERRAL.key);
    expect(await listedKeys('?entityType=student')).not.toContain(REFERRAL.key);
    const all = (await designer.get('/processes?archived=true').expect(200)).body.items;
    expect(all).toContainEqual(expect.objectContaining({ key: REFERRAL.key, archivedAt: res.body.archivedAt }));
    expect((await designer.get(`/processes/${REFERRAL.key}`).expect(200)).body.archivedAt).toBe(res.body.archivedAt);
  });

  it('refuses new cases of an archived process with 409, writing nothing', async () => {
    await designer.post(`/processes/${REFERRAL.key}/archive`).expect(200);
    const before = await countInstances();
    const res = await launch(1).expect(409);
    expect(res.body.message).toContain(`Process "${REFERRAL.key}" is archived`);
    expect(await countInstances()).toBe(before);
  });

  it('lets running cases carry on, and a repeated launch still finds its case', async () => {
    const running = (await launch(2, { idempotencyKey: 'delivery-2' }).expect(201)).body;
    await designer.post(`/processes/${REFERRAL.key}/archive`).expect(200);
    expect((await launch(2, { idempotencyKey: 'delivery-2' }).expect(200)).body.id).toBe(running.id);
    await t.automation.post(`/instances/${running.id}/stage`).send({ stageKey: 'department' }).expect(200);
    await t.automation.post(`/instances/${running.id}/complete`).send({ outcome: 'accepted' }).expect(200);
  });

  it('unarchives: listed and launchable again', async () => {
    await designer.post(`/processes/${REFERRAL.key}/archive`).expect(200);
    const res = await designer.post(`/processes/${REFERRAL.key}/unarchive`).expect(200);
    expect(res.body.archivedAt).toBeNull();
    expect(await listedKeys()).toContain(REFERRAL.key);
    await launch(3).expect(201);
  });

  it('is idempotent both ways, recording one event per change', async () => {
    const before = (await archiveEvents()).length;
    const first = await designer.post(`/processes/${REFERRAL.key}/archive`).expect(200);
    t.clock.advance(60_000);
    const second = await designer.post(`/processes/${REFERRAL.key}/archive`).expect(200);
    expect(second.body.archivedAt).toBe(first.body.archivedAt);
    await designer.post(`/processes/${REFERRAL.key}/unarchive`).expect(200);
    await designer.post(`/processes/${REFERRAL.key}/unarchive`).expect(200);
    expect((await archiveEvents()).slice(before).map((event) => event.type)).toEqual(['process.archived', 'process.unarchived']);
  });

  it('answers 404 for an unknown key and 403 without processes:write', async () => {
    await designer.post('/processes/nope/archive').expect(404);
    await designer.post('/processes/nope/unarchive').expect(404);
    await viewer.post(`/processes/${REFERRAL.key}/archive`).expect(403);
    expect(await listedKeys()).toContain(REFERRAL.key);
  });
});
