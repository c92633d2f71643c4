import { EscalationTable, EventTable, MessageTable, QueueTable, StageVisitTable, TaskTable } from '../../src/database/tables';
import { BreachSweep } from '../../src/scheduler/breach-sweep';
import { LadderSweep } from '../../src/scheduler/ladder-sweep';
import { insertInstance, insertPublishedProcess, insertQueue, insertStageVisit, insertTask } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { launchInStage, setUpOfficeProcess } from './office-process';

const MINUTE = 60_000;
const MONDAY_9 = Date.UTC(2026, 10, 2, 9, 0); // 09:00 in London (GMT)

describe('escalation ladder sweep', () => {
  let t: TestApp;
  let ladders: LadderSweep;
  let breaches: BreachSweep;
  beforeAll(async () => {
    t = await startTestApp();
    ladders = t.app.get(LadderSweep);
    breaches = t.app.get(BreachSweep);
    await setUpOfficeProcess(t.admin, {
      key: 'referral',
      calendarKey: 'office',
      queues: [{ key: 'advisors' }, { key: 'supervisors' }, { key: 'managers' }],
      stages: [
        {
          key: 'review',
          name: 'Advisor review',
          ownerQueue: 'advisors',
          slaMinutes: 240,
          calendar: 'office',
          escalation: [
            { atPercent: 50, action: 'notify', template: 'sla-warning' },
            { atPercent: 100, action: 'escalate', toQueue: 'supervisors', priority: 3 },
            { afterBreachMinutes: 2 * 8 * 60, action: 'escalate', toQueue: 'managers', priority: 4 },
          ],
        },
        { key: 'closing', name: 'Closing', slaMinutes: 60, escalation: [{ atPercent: 100, action: 'notify' }] },
      ],
    });
    const advisor = await t.createUser('reviewer', { email: 'advisor@example.test' });
    await t.admin.put(`/queues/advisors/members/${advisor.user.id}`).expect((r) => expect(r.status).toBeLessThan(300));
    await t.admin
      .post('/message-templates')
      .send({ key: 'sla-warning', name: 'SLA warning', subject: 'Half the time is gone: {{data.escalation.reason}}', text: 'Please look at it.' })
      .expect(201);
  });
  afterAll(() => t.close());

  const escalationsOf = (instanceId: string) =>
    t.db.read(() => t.db.manager.find(EscalationTable, { where: { instanceId }, order: { createdAt: 'ASC' } }));
  const eventsOf = (type: string, instanceId: string) => t.db.read(() => t.db.manager.findBy(EventTable, { type, instanceId }));
  const taskRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id }));
  // Read from the database: moving the clock by days outlives the admin's session.
  const queueId = async (key: string) => (await t.db.read(() => t.db.manager.findOneByOrFail(QueueTable, { key }))).id;
  /** Runs the breach and ladder sweeps twice at the given time, as two replicas or two ticks would. */
  const sweepAt = async (at: number) => {
    t.clock.set(at);
    for (let i = 0; i < 2; i++) {
      await breaches.run();
      await ladders.run();
    }
  };

  it('fires each step once, at its business-time share of the SLA or its business time past the breach', async () => {
    t.clock.set(MONDAY_9);
    const { instance, task } = await launchInStage(t.automation, 'referral', 'review', 'ladder', 'advisors');
    expect(instance.currentStage.slaDueAt).toBe('2026-11-02T13:00:00.000Z');

    await sweepAt(Date.UTC(2026, 10, 2, 10, 59));
    expect(await escalationsOf(instance.id)).toHaveLength(0);

    await sweepAt(Date.UTC(2026, 10, 2, 11, 0)); // 50 %: notify the queue holding the task
    let rows = await escalationsOf(instance.id);
    expect(rows).toEqual([expect.objectContaining({ ladderStep: 0, action: 'notify', taskId: task!.id, actor: 'caseflow' })]);
    const messages = await t.db.read(() => t.db.manager.findBy(MessageTable, { instanceId: instance.id }));
    expect(messages).toEqual([expect.objectContaining({ templateKey: 'sla-warning', recipients: ['advisor@example.test'] })]);
    expect(messages[0]!.subject).toMatch(/^Half the time is gone: Escalation ladder of "Advisor review", step 1/);

    await sweepAt(Date.UTC(2026, 10, 2, 13, 0)); // 100 %: breached, and moved to the supervisors
    rows = await escalationsOf(instance.id);
    expect(rows.map((r) => r.ladderStep)).toEqual([0, 1]);
    expect(await taskRow(task!.id)).toMatchObject({ queueId: await queueId('supervisors'), priority: 3 });
    expect(await eventsOf('stage.sla_breached', instance.id)).toHaveLength(1);

    // Two business days after Monday 13:00 is Wednesday 13:00: the evenings and nights do not count.
    await sweepAt(Date.UTC(2026, 10, 4, 12, 59));
    expect(await escalationsOf(instance.id)).toHaveLength(2);
    await sweepAt(Date.UTC(2026, 10, 4, 13, 0));
    await sweepAt(Date.UTC(2026, 10, 9, 13, 0));
    rows = await escalationsOf(instance.id);
    expect(rows.map((r) => r.ladderStep)).toEqual([0, 1, 2]);
    expect(await taskRow(task!.id)).toMatchObject({ queueId: await queueId('managers'), priority: 4 });
    expect(await eventsOf('task.escalated', instance.id)).toHaveLength(3);
    const visit = await t.db.read(() => t.db.manager.findOneByOrFail(StageVisitTable, { instanceId: instance.id }));
    expect(visit.ladderFired).toEqual([0, 1, 2]);
  });

  it('catches up on every overdue step in one sweep, still once each', async () => {
    t.clock.set(MONDAY_9);
    const { instance } = await launchInStage(t.automation, 'referral', 'review', 'late', 'advisors');
    await sweepAt(Date.UTC(2026, 10, 16, 9, 0));
    expect((await escalationsOf(instance.id)).map((r) => r.ladderStep)).toEqual([0, 1, 2]);
  });

  it('stops the ladder when the case leaves the stage', async () => {
    t.clock.set(MONDAY_9);
    const { instance } = await launchInStage(t.automation, 'referral', 'review', 'moved', 'advisors');
    await sweepAt(Date.UTC(2026, 10, 2, 11, 0));
    await t.automation.post(`/instances/${instance.id}/stage`).send({ stageKey: 'closing', slaMinutes: 10_000 }).expect(200);
    await sweepAt(Date.UTC(2026, 10, 3, 9, 0));
    expect((await escalationsOf(instance.id)).map((r) => r.ladderStep)).toEqual([0]);
  });

  it('spends a step the domain refuses (a notice without a template) and records why, once', async () => {
    t.clock.set(MONDAY_9);
    const { instance } = await launchInStage(t.automation, 'referral', 'closing', 'refused', 'advisors');
    await sweepAt(MONDAY_9 + 60 * MINUTE);
    expect(await escalationsOf(instance.id)).toHaveLength(0);
    const failed = await eventsOf('escalation.step_failed', instance.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.data).toMatchObject({ stageKey: 'closing', ladderStep: 0, reason: expect.stringMatching(/template/) });
  });

  it("sends an escalate step without a target to the supervisor queue of the task's queue", async () => {
    t.clock.set(MONDAY_9);
    const supervisors = await insertQueue(t);
    const team = await insertQueue(t, { supervisorQueueKey: supervisors.key });
    const process = await insertPublishedProcess(t, {
      stages: [{ key: 'review', name: 'Review', slaMinutes: 60, escalation: [{ atPercent: 100, action: 'escalate' }] }],
    });
    const instance = await insertInstance(t, { process });
    await insertStageVisit(t, instance, { ownerQueueId: team.id, slaDueAt: MONDAY_9 + 60 * MINUTE });
    const task = await insertTask(t, instance, team);
    await sweepAt(MONDAY_9 + 60 * MINUTE);
    expect(await escalationsOf(instance.id)).toEqual([expect.objectContaining({ ladderStep: 0, toQueueId: supervisors.id })]);
    expect((await taskRow(task.id)).queueId).toBe(supervisors.id);
  });
});
