import { EventTable, StageVisitTable, TaskTable } from '../../src/database/tables';
import { BreachSweep } from '../../src/scheduler/breach-sweep';
import { insertInstance, insertQueue, insertStageVisit, insertTask } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;

describe('SLA breach sweep', () => {
  let t: TestApp;
  let sweep: BreachSweep;
  beforeAll(async () => {
    t = await startTestApp();
    sweep = t.app.get(BreachSweep);
  });
  afterAll(() => t.close());

  const eventsOf = (type: string, instanceId: string) => t.db.read(() => t.db.manager.findBy(EventTable, { type, instanceId }));
  const visitRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(StageVisitTable, { id }));
  const taskRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id }));

  it('records a stage breach once, dated at the due time, and only once it is due', async () => {
    const instance = await insertInstance(t);
    const dueAt = t.clock.now() + 30 * MINUTE;
    const visit = await insertStageVisit(t, instance, { slaDueAt: dueAt });
    t.clock.set(dueAt - 1);
    await sweep.run();
    expect((await visitRow(visit.id)).breached).toBe(false);

    t.clock.set(dueAt + 5 * MINUTE);
    await sweep.run();
    await sweep.run();
    expect(await visitRow(visit.id)).toMatchObject({ breached: true, breachedAt: dueAt });
    const events = await eventsOf('stage.sla_breached', instance.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityId: instance.entityId, actorType: 'system' });
    expect(events[0]!.data).toMatchObject({ visitId: visit.id, stageKey: visit.stageKey, slaDueAt: new Date(dueAt).toISOString() });
  });

  it('records an overdue task once, and never a decided one', async () => {
    const queue = await insertQueue(t);
    const instance = await insertInstance(t);
    const dueAt = t.clock.now() + MINUTE;
    const open = await insertTask(t, instance, queue, { dueAt });
    const decided = await insertTask(t, instance, queue, { dueAt, status: 'decided', decision: 'approve' });
    t.clock.set(dueAt);
    await sweep.run();
    await sweep.run();
    expect((await taskRow(open.id)).breachedAt).toBe(dueAt);
    expect((await taskRow(decided.id)).breachedAt).toBeNull();
    const events = await eventsOf('task.overdue', instance.id);
    expect(events).toEqual([expect.objectContaining({ taskId: open.id })]);
    expect(events[0]!.data).toMatchObject({ queueId: queue.id, dueAt: new Date(dueAt).toISOString() });
  });

  it('leaves closed instances and exited stages alone', async () => {
    const closed = await insertInstance(t, { status: 'completed' });
    const closedVisit = await insertStageVisit(t, closed, { slaDueAt: t.clock.now() - MINUTE });
    const moved = await insertInstance(t);
    const exited = await insertStageVisit(t, moved, { slaDueAt: t.clock.now() - MINUTE, exitedAt: t.clock.now() - 2 * MINUTE });
    await sweep.run();
    expect((await visitRow(closedVisit.id)).breached).toBe(false);
    expect((await visitRow(exited.id)).breached).toBe(false);
  });

  it('records more breaches than one batch holds, each once', async () => {
    const instances = [];
    for (let i = 0; i < 120; i++) {
      const instance = await insertInstance(t);
      await insertStageVisit(t, instance, { slaDueAt: t.clock.now() - MINUTE });
      instances.push(instance);
    }
    expect(await sweep.run()).toBe(120);
    expect(await sweep.run()).toBe(0);
  });
});
