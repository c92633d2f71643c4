import { EntityTable, EventTable, InstanceTable, OutboxTable, TaskTable } from '../../src/database/tables';
import { launchWithTask, setUpReferralProcess, student } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The store keeps exactly what it acknowledged. On SQLite every request shares one
 * connection, so this is where an overlapping transaction or a neighbour's rollback would
 * show: acknowledged rows missing, or rows of refused requests left behind.
 */
describe('concurrent writes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
  });
  afterAll(() => t.close());

  it('stores every acknowledged launch and nothing of the refused ones (200 at once)', async () => {
    const requests = Array.from({ length: 200 }, (_, n) => {
      // Every fourth launch names an entity type the process refuses: its entity upsert must roll back.
      const refused = n % 4 === 3;
      const entity = refused ? { type: 'invoice', externalId: `BAD-${n}`, name: 'Refused' } : student(`c${n}`);
      // Launches n = 10d and 10d + 1 share an idempotency key: one case for the pair.
      const idempotencyKey = !refused && n % 10 < 2 ? `pair-${Math.floor(n / 10)}` : undefined;
      return t.automation.post('/instances').send({ processKey: 'referral', entity, idempotencyKey, stageKey: 'review' });
    });
    const responses = await Promise.all(requests);

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 400)).toHaveLength(50);
    const acknowledged = new Set(responses.filter((r) => r.status === 201 || r.status === 200).map((r) => r.body.id as string));
    const created = responses.filter((r) => r.status === 201).length;

    const instances = await t.db.read(() => t.db.manager.find(InstanceTable));
    expect(new Set(instances.map((i) => i.id))).toEqual(acknowledged);
    expect(instances).toHaveLength(created);
    // 150 accepted requests; in the 10 decades where both of a pair are accepted, one is a repeat.
    expect(created).toBe(140);

    const refusedEntities = await t.db.read(() => t.db.manager.countBy(EntityTable, { type: 'invoice' }));
    expect(refusedEntities).toBe(0);
    const launchedEvents = await t.db.read(() => t.db.manager.countBy(EventTable, { type: 'instance.launched' }));
    expect(launchedEvents).toBe(created);
    const visits = await t.db.read(() => t.db.manager.query('SELECT COUNT(*) AS n FROM stage_visits'));
    expect(Number(visits[0].n)).toBe(created);
  });

  it('decides each task exactly once when two deciders race (100 tasks, 200 decisions at once)', async () => {
    const tasks: string[] = [];
    for (let n = 0; n < 100; n++) tasks.push((await launchWithTask(t.automation, `d${n}`)).task.id);
    const { client: admin2 } = await t.createUser('admin');

    const responses = await Promise.all(
      tasks.flatMap((id) => [
        t.automation.post(`/tasks/${id}/decide`).send({ decision: 'accept' }),
        admin2.post(`/tasks/${id}/decide`).send({ decision: 'counselling' }),
      ]),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);

    for (const [index, id] of tasks.entries()) {
      const [a, b] = [responses[2 * index]!, responses[2 * index + 1]!];
      const winner = a.status === 200 ? a : b;
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id }));
      expect(row.status).toBe('decided');
      expect(row.decision).toBe(winner.body.decision);
    }
    const resumes = await t.db.read(() => t.db.manager.countBy(OutboxTable, { kind: 'n8n_resume' }));
    expect(resumes).toBe(100);
    const decidedEvents = await t.db.read(() => t.db.manager.countBy(EventTable, { type: 'task.decided' }));
    expect(decidedEvents).toBe(100);
  });
});
