import { IsNull } from 'typeorm';
import { EventTable, StageVisitTable, TaskTable } from '../../src/database/tables';
import { BreachSweep } from '../../src/scheduler/breach-sweep';
import { launchInStage, setUpOfficeProcess } from '../scheduler/office-process';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MONDAY_9 = Date.UTC(2026, 10, 2, 9, 0); // 09:00 in London (GMT)

describe('SLA clock', () => {
  let t: TestApp;
  let n = 0;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpOfficeProcess(t.admin, {
      key: 'appeal',
      calendarKey: 'office',
      queues: [{ key: 'panel' }],
      stages: [
        { key: 'review', name: 'Panel review', ownerQueue: 'panel', slaMinutes: 120, calendar: 'office' },
        { key: 'hearing', name: 'Hearing', ownerQueue: 'panel', slaMinutes: 120 },
        { key: 'archive', name: 'Archive' },
      ],
    });
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(MONDAY_9));

  const visitOf = (instanceId: string) =>
    t.db.read(() => t.db.manager.findOneByOrFail(StageVisitTable, { instanceId, exitedAt: IsNull() }));
  const taskRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id }));
  const eventsOf = (type: string, instanceId: string) => t.db.read(() => t.db.manager.findBy(EventTable, { type, instanceId }));
  const launch = (stageKey = 'review', task: Record<string, unknown> = {}) =>
    launchInStage(t.automation, 'appeal', stageKey, String(++n), 'panel', task);

  describe('due time on entering a stage', () => {
    it("counts the SLA in the stage calendar's working hours: 2 h from Friday 16:00 is Monday 10:00", async () => {
      t.clock.set(Date.UTC(2026, 10, 6, 16, 0));
      const { instance } = await launch();
      expect(instance.currentStage.slaDueAt).toBe('2026-11-09T10:00:00.000Z');
    });

    it('falls back to the default 24/7 calendar when neither stage nor process names one', async () => {
      t.clock.set(Date.UTC(2026, 10, 6, 16, 0));
      const { instance } = await launch('hearing');
      expect(instance.currentStage.slaDueAt).toBe('2026-11-06T18:00:00.000Z');
    });
  });

  describe('POST /instances/:id/sla/pause and /resume', () => {
    it('stops the clock and gives back only the paused business time, to the stage and its open tasks', async () => {
      const { instance, task } = await launch('review', { dueInMinutes: 120 });
      expect(instance.currentStage.slaDueAt).toBe('2026-11-02T11:00:00.000Z');

      t.clock.advance(HOUR); // Monday 10:00, one business hour left
      const paused = await t.automation.post(`/instances/${instance.id}/sla/pause`).send({ reason: 'Waiting for the student' }).expect(200);
      expect(paused.body).toMatchObject({ stageKey: 'review', slaPaused: true, slaDueAt: '2026-11-02T11:00:00.000Z', breached: false });

      t.clock.set(Date.UTC(2026, 10, 3, 10, 0)); // Tuesday 10:00: 8 business hours later
      const resumed = await t.automation.post(`/instances/${instance.id}/sla/resume`).expect(200);
      expect(resumed.body).toMatchObject({ slaPaused: false, slaDueAt: '2026-11-03T11:00:00.000Z' });
      expect(await visitOf(instance.id)).toMatchObject({ slaPausedAt: null, slaPausedMs: 8 * HOUR });
      expect((await taskRow(task!.id)).dueAt).toBe(Date.UTC(2026, 10, 3, 11, 0));

      const [pauseEvent] = await eventsOf('sla.paused', instance.id);
      expect(pauseEvent!.data).toMatchObject({ stageKey: 'review', reason: 'Waiting for the student' });
      const [resumeEvent] = await eventsOf('sla.resumed', instance.id);
      expect(resumeEvent!.data).toMatchObject({
        pausedBusinessMs: 8 * HOUR,
        previousSlaDueAt: '2026-11-02T11:00:00.000Z',
        slaDueAt: '2026-11-03T11:00:00.000Z',
        tasksMoved: [task!.id],
      });
    });

    it('adds up several pauses', async () => {
      const { instance } = await launch();
      await t.automation.post(`/instances/${instance.id}/sla/pause`).send({}).expect(200);
      t.clock.advance(30 * MINUTE);
      await t.automation.post(`/instances/${instance.id}/sla/resume`).expect(200);
      await t.automation.post(`/instances/${instance.id}/sla/pause`).send({}).expect(200);
      t.clock.advance(15 * MINUTE);
      const res = await t.automation.post(`/instances/${instance.id}/sla/resume`).expect(200);
      expect(res.body.slaDueAt).toBe('2026-11-02T11:45:00.000Z');
      expect((await visitOf(instance.id)).slaPausedMs).toBe(45 * MINUTE);
    });

    it('records no breach and no overdue task while the clock is paused', async () => {
      const { instance, task } = await launch('review', { dueInMinutes: 120 });
      await t.automation.post(`/instances/${instance.id}/sla/pause`).send({}).expect(200);
      t.clock.advance(5 * HOUR);
      await t.app.get(BreachSweep).run();
      expect((await visitOf(instance.id)).breached).toBe(false);
      expect((await taskRow(task!.id)).breachedAt).toBeNull();
      expect(await eventsOf('stage.sla_breached', instance.id)).toHaveLength(0);
      expect(await eventsOf('task.overdue', instance.id)).toHaveLength(0);
    });

    it('refuses to pause a paused clock or resume a running one with 409, writing nothing', async () => {
      const { instance } = await launch();
      await t.automation.post(`/instances/${instance.id}/sla/resume`).expect(409);
      await t.automation.post(`/instances/${instance.id}/sla/pause`).send({}).expect(200);
      const again = await t.automation.post(`/instances/${instance.id}/sla/pause`).send({}).expect(409);
      expect(again.body.message).toMatch(/already paused/);
      expect(await eventsOf('sla.paused', instance.id)).toHaveLength(1);
      expect(await eventsOf('sla.resumed', instance.id)).toHaveLength(0);
    });

    it('answers 409 for a stage without an SLA and for a closed instance', async () => {
      const { instance } = await launch('archive');
      const res = await t.automation.post(`/instances/${instance.id}/sla/pause`).send({}).expect(409);
      expect(res.body.message).toMatch(/no SLA/);
      const other = await launch();
      await t.automation.post(`/instances/${other.instance.id}/complete`).send({ outcome: 'upheld' }).expect(200);
      await t.automation.post(`/instances/${other.instance.id}/sla/pause`).send({}).expect(409);
    });

    it('answers 400 for a bad body, 404 for an unknown instance, 401 and 403 without the right to write', async () => {
      const { instance } = await launch();
      await t.automation.post(`/instances/${instance.id}/sla/pause`).send({ reason: 42 }).expect(400);
      await t.automation.post('/instances/00000000-0000-4000-8000-000000000000/sla/pause').send({}).expect(404);
      await t.automation.post('/instances/not-an-id/sla/resume').expect(404);
      await t.anonymous.post(`/instances/${instance.id}/sla/pause`).send({}).expect(401);
      const viewer = await t.createUser('viewer');
      await viewer.client.post(`/instances/${instance.id}/sla/pause`).send({}).expect(403);
      expect((await visitOf(instance.id)).slaPausedAt).toBeNull();
    });
  });
});
