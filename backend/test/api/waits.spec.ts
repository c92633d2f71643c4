import { createHash } from 'node:crypto';
import { EventTable, OutboxTable, TaskTable, TimerTable } from '../../src/database/tables';
import { TimerSweep } from '../../src/scheduler/timer-sweep';
import { launchWithTask, setUpReferralProcess } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;

describe('an execution and the waits of its case', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
  });
  afterAll(() => t.close());

  const resumeUrl = (n: string) => `http://127.0.0.1:5678/webhook-waiting/${n}?signature=s3cret`;
  const take = (body: Record<string, string>) => t.automation.post('/waits/take').send(body);
  const releasesOf = (instanceId: string) =>
    t.db.read(async () => (await t.db.manager.findBy(OutboxTable, { instanceId, kind: 'n8n_resume' })).filter((o) => o.payload.kind === 'released'));

  describe('POST /waits/take', () => {
    it('lets the first delivery for a wait resume its execution and answers every later one "already-taken"', async () => {
      const { instance, task } = await launchWithTask(t.automation, 'take-1', { resumeUrl: resumeUrl('take-1') });
      const first = await take({ taskId: task.id }).expect(200);
      expect(first.body).toMatchObject({ taken: true, reason: null, instance: { id: instance.id, status: expect.any(String) } });
      expect(first.body.instance.entity.externalId).toBe(instance.entity.externalId);
      const again = await take({ taskId: task.id }).expect(200);
      expect(again.body).toEqual({ taken: false, reason: 'already-taken', instance: null });
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: task.id }));
      expect(row.resumedAt).toBe(t.clock.now());
    });

    it('lets exactly one of many concurrent deliveries for the same wait through', async () => {
      const { task } = await launchWithTask(t.automation, 'take-race', { resumeUrl: resumeUrl('take-race') });
      const answers = await Promise.all(Array.from({ length: 10 }, () => take({ taskId: task.id })));
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      expect(answers.filter((a) => a.body.taken)).toHaveLength(1);
    });

    it('never lets a delivery for an earlier wait be taken by a later wait of the same execution', async () => {
      const url = resumeUrl('take-2');
      const { instance, task: first } = await launchWithTask(t.automation, 'take-2', { resumeUrl: url });
      await t.automation.post(`/tasks/${first.id}/decide`).send({ decision: 'accept' }).expect(200);
      // n8n moved on before the decision's resume was taken (say it timed the wait out) and waits again.
      t.clock.advance(MINUTE);
      const timer = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorAt: new Date(t.clock.now()).toISOString(), offset: { amount: 1, unit: 'days' }, resumeUrl: url })
        .expect(201);
      expect((await take({ taskId: first.id }).expect(200)).body).toEqual({ taken: false, reason: 'superseded', instance: null });
      expect((await take({ timerId: timer.body.id }).expect(200)).body.taken).toBe(true);
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(TimerTable, { id: timer.body.id }));
      expect(row.resumedAt).not.toBeNull();
    });

    it('takes a wait again for the delivery that took it (its answer was lost), for no other, and not once superseded', async () => {
      const url = resumeUrl('take-again');
      const { instance, task } = await launchWithTask(t.automation, 'take-again', { resumeUrl: url });
      const deliveryKey = `task:${task.id}:decided`;
      expect((await take({ taskId: task.id, deliveryKey }).expect(200)).body).toMatchObject({ taken: true, instance: { id: instance.id } });
      const takenAt = (await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: task.id }))).resumedAt;
      t.clock.advance(1000);
      expect((await take({ taskId: task.id, deliveryKey }).expect(200)).body).toMatchObject({ taken: true, instance: { id: instance.id } });
      expect((await take({ taskId: task.id, deliveryKey: `task:${task.id}:released` }).expect(200)).body).toEqual({ taken: false, reason: 'already-taken', instance: null });
      expect((await take({ taskId: task.id }).expect(200)).body).toEqual({ taken: false, reason: 'already-taken', instance: null });
      const row = await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: task.id }));
      expect({ resumedAt: row.resumedAt, takenBy: row.takenBy }).toEqual({ resumedAt: takenAt, takenBy: deliveryKey });
      // The execution went on and waits again: the same delivery coming back now resumes nothing.
      await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorAt: new Date(t.clock.now()).toISOString(), offset: { amount: 1, unit: 'days' }, resumeUrl: url })
        .expect(201);
      expect((await take({ taskId: task.id, deliveryKey }).expect(200)).body).toEqual({ taken: false, reason: 'superseded', instance: null });
    });

    it('answers 400 for neither or both ids, 404 for an unknown wait, 401 without a key', async () => {
      await take({}).expect(400);
      await take({ taskId: '00000000-0000-4000-8000-000000000001', timerId: '00000000-0000-4000-8000-000000000002' }).expect(400);
      await take({ taskId: 'nope' }).expect(400);
      await take({ timerId: '00000000-0000-4000-8000-000000000003' }).expect(404);
      await t.anonymous.post('/waits/take').send({ taskId: '00000000-0000-4000-8000-000000000001' }).expect(401);
    });
  });

  describe('a registration sent again with its request key', () => {
    const timerBody = (instanceId: string, n: string, extra: Record<string, unknown> = {}) => ({
      instanceId, anchorAt: new Date(t.clock.now()).toISOString(), offset: { amount: 2, unit: 'days' }, resumeUrl: resumeUrl(n), label: 'Hold', ...extra,
    });
    const eventsOf = (instanceId: string, type: string) => t.db.read(() => t.db.manager.countBy(EventTable, { instanceId, type }));

    it('answers with the task the first call registered and registers nothing more', async () => {
      const { instance, task } = await launchWithTask(t.automation, 'key-task', { resumeUrl: resumeUrl('key-task'), requestKey: 'run-key-task' });
      const again = await t.automation
        .post('/tasks')
        .send({ instanceId: instance.id, queue: 'advisors', title: 'Review referral key-task', resumeUrl: resumeUrl('key-task'), requestKey: 'run-key-task' })
        .expect(201);
      expect(again.body).toMatchObject({ id: task.id, status: 'open' });
      const tasks = await t.db.read(() => t.db.manager.findBy(TaskTable, { instanceId: instance.id }));
      expect(tasks.map((row) => [row.id, row.status, row.requestKey])).toEqual([[task.id, 'open', 'run-key-task']]);
      expect(await eventsOf(instance.id, 'task.created')).toBe(1);
      expect(await eventsOf(instance.id, 'task.superseded')).toBe(0);
      // Without the key (or with another) it is a new wait of the execution, which supersedes the first.
      await t.automation
        .post('/tasks')
        .send({ instanceId: instance.id, queue: 'advisors', title: 'Again', resumeUrl: resumeUrl('key-task'), requestKey: 'run-key-task-2' })
        .expect(201);
      expect((await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: task.id }))).status).toBe('cancelled');
    });

    it('answers with the timer the first call registered, past ones included, and resumes nobody twice', async () => {
      const launched = await t.automation
        .post('/instances')
        .send({ processKey: 'referral', entity: { type: 'student', externalId: 'key-timer', name: 'Timer key' } })
        .expect(201);
      const first = await t.automation.post('/timers').send(timerBody(launched.body.id, 'key-timer', { requestKey: 'run-key-timer' })).expect(201);
      const again = await t.automation.post('/timers').send(timerBody(launched.body.id, 'key-timer', { requestKey: 'run-key-timer' })).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await t.db.read(() => t.db.manager.countBy(TimerTable, { instanceId: launched.body.id }))).toBe(1);
      expect(await eventsOf(launched.body.id, 'timer.registered')).toBe(1);

      const past = { anchorAt: new Date(t.clock.now() - 10 * MINUTE).toISOString(), offset: { amount: 0, unit: 'minutes' }, requestKey: 'run-key-past' };
      const late = await t.automation.post('/timers').send(timerBody(launched.body.id, 'key-past', past)).expect(201);
      expect(late.body.status).toBe('past');
      await t.automation.post('/timers').send(timerBody(launched.body.id, 'key-past', past)).expect(201);
      const resumes = await t.db.read(() => t.db.manager.findBy(OutboxTable, { instanceId: launched.body.id, kind: 'n8n_resume' }));
      expect(resumes.map((r) => r.target)).toEqual([resumeUrl('key-past')]);
    });

    it("answers 409 when the key already names another case's wait, and 400 for a key out of bounds", async () => {
      const { task } = await launchWithTask(t.automation, 'key-mine', { resumeUrl: resumeUrl('key-mine'), requestKey: 'run-key-mine' });
      const other = await t.automation
        .post('/instances')
        .send({ processKey: 'referral', entity: { type: 'student', externalId: 'key-other', name: 'Other' } })
        .expect(201);
      const clash = await t.automation
        .post('/tasks')
        .send({ instanceId: other.body.id, queue: 'advisors', title: 'Other', requestKey: 'run-key-mine' })
        .expect(409);
      expect(clash.body.message).toBe('requestKey: already names a task of another case');
      expect((await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: task.id }))).status).toBe('open');
      await t.automation.post('/timers').send(timerBody(other.body.id, 'key-other', { requestKey: '' })).expect(400);
      await t.automation.post('/timers').send(timerBody(other.body.id, 'key-other', { requestKey: 'k'.repeat(101) })).expect(400);
    });
  });

  describe('closing a case releases the executions waiting on it', () => {
    it('cancel sends one signed "released" call per waiting execution, for the wait it is on, and cancels the waits', async () => {
      const { instance, task } = await launchWithTask(t.automation, 'close-1', { resumeUrl: resumeUrl('close-1') });
      const otherExecution = resumeUrl('close-1-other');
      const timer = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorAt: '2026-12-01', offset: { amount: 1, unit: 'days' }, resumeUrl: otherExecution })
        .expect(201);
      const done = await t.automation.post(`/instances/${instance.id}/cancel`).send({ reason: 'withdrawn' }).expect(200);
      expect(done.body.status).toBe('cancelled');

      const released = await releasesOf(instance.id);
      expect(released.map((r) => [r.target, r.payload]).sort()).toEqual(
        [
          [resumeUrl('close-1'), { kind: 'released', taskId: task.id, instanceId: instance.id, reason: 'cancelled' }],
          [otherExecution, { kind: 'released', timerId: timer.body.id, instanceId: instance.id, reason: 'cancelled' }],
        ].sort(),
      );
      expect((await t.db.read(() => t.db.manager.findOneByOrFail(TaskTable, { id: task.id }))).status).toBe('cancelled');
      expect((await t.db.read(() => t.db.manager.findOneByOrFail(TimerTable, { id: timer.body.id }))).status).toBe('cancelled');
      // The node takes the release like any resume: once.
      expect((await take({ taskId: task.id }).expect(200)).body).toMatchObject({ taken: true, instance: { status: 'cancelled' } });
      expect((await take({ taskId: task.id }).expect(200)).body.taken).toBe(false);
    });

    it('complete releases too; a case with nothing waiting enqueues nothing', async () => {
      const { instance } = await launchWithTask(t.automation, 'close-2', { resumeUrl: resumeUrl('close-2') });
      await t.automation.post(`/instances/${instance.id}/complete`).send({ outcome: 'resolved' }).expect(200);
      expect((await releasesOf(instance.id)).map((r) => r.payload.reason)).toEqual(['completed']);

      const bare = await t.automation
        .post('/instances')
        .send({ processKey: 'referral', entity: { type: 'student', externalId: 'close-3', name: 'No wait' } })
        .expect(201);
      await t.automation.post(`/instances/${bare.body.id}/cancel`).send({}).expect(200);
      expect(await releasesOf(bare.body.id)).toEqual([]);
    });
  });

  describe('a timer its execution went on from', () => {
    const inProcessTimer = async (n: string) => {
      const launched = await t.automation
        .post('/instances')
        .send({ processKey: 'referral', entity: { type: 'student', externalId: n, name: `Student ${n}` } })
        .expect(201);
      const fireAt = new Date(t.clock.now() + 30_000).toISOString();
      const timer = await t.automation
        .post('/timers')
        .send({ instanceId: launched.body.id, anchorAt: fireAt, offset: { amount: 0, unit: 'minutes' }, resumeUrl: resumeUrl(n), inProcessBelowMs: 60_000, label: 'Short wait' })
        .expect(201);
      expect(timer.body).toMatchObject({ status: 'pending', inProcess: true });
      return { instanceId: launched.body.id as string, timerId: timer.body.id as string };
    };
    const timerEvents = (instanceId: string, type: string) => t.db.read(() => t.db.manager.findBy(EventTable, { instanceId, type }));

    it('ran when an in-process wait is taken before the scheduler fired it: fired then, and still fired after its case closes', async () => {
      const { instanceId, timerId } = await inProcessTimer('ran-1');
      t.clock.advance(30_000);
      const wokeAt = t.clock.now();
      expect((await take({ timerId }).expect(200)).body.taken).toBe(true);
      await t.automation.post(`/instances/${instanceId}/complete`).send({ outcome: 'done' }).expect(200);

      const detail = await t.automation.get(`/instances/${instanceId}`).expect(200);
      expect(detail.body.timers).toEqual([expect.objectContaining({ id: timerId, status: 'fired', firedAt: new Date(wokeAt).toISOString() })]);
      const fired = await timerEvents(instanceId, 'timer.fired');
      expect(fired.map((e) => e.data)).toEqual([expect.objectContaining({ timerId, label: 'Short wait', inProcess: true, lateMs: 0 })]);
      expect(await timerEvents(instanceId, 'timer.cancelled')).toEqual([]);
      // The scheduler does not fire it a second time, and nobody is resumed for it.
      t.clock.advance(MINUTE);
      await t.app.get(TimerSweep).fireDue();
      expect(await timerEvents(instanceId, 'timer.fired')).toHaveLength(1);
      expect(await t.db.read(() => t.db.manager.countBy(OutboxTable, { instanceId, kind: 'n8n_resume' }))).toBe(0);
    });

    it('is cancelled when its case closes before it fired, and a take after that does not make it fired', async () => {
      const { instanceId, timerId } = await inProcessTimer('ran-2');
      await t.automation.post(`/instances/${instanceId}/cancel`).send({ reason: 'withdrawn' }).expect(200);
      t.clock.advance(30_000);
      expect((await take({ timerId }).expect(200)).body).toMatchObject({ taken: true, instance: { status: 'cancelled' } });

      const row = await t.db.read(() => t.db.manager.findOneByOrFail(TimerTable, { id: timerId }));
      expect(row).toMatchObject({ status: 'cancelled', firedAt: null });
      expect(row.resumedAt).not.toBeNull();
      expect(await timerEvents(instanceId, 'timer.cancelled')).toHaveLength(1);
      expect(await timerEvents(instanceId, 'timer.fired')).toEqual([]);
    });
  });

  describe('GET /auth/credential-check', () => {
    const proof = (secret: string) => createHash('sha256').update(`caseflow-signing-check:${secret}`).digest('hex');

    it('tells the n8n credential whether its signing secret is the backend one, without either side sending it', async () => {
      const check = (header?: string) => {
        const request = t.automation.get('/auth/credential-check');
        return (header === undefined ? request : request.set('x-caseflow-signing-check', header)).expect(200);
      };
      expect((await check(proof('test-signing-secret'))).body).toMatchObject({ signing: 'ok', actor: { type: 'api_key' } });
      expect((await check(proof('another-secret'))).body.signing).toBe('mismatch');
      expect((await check()).body.signing).toBe('missing');
      expect((await check('missing')).body.signing).toBe('missing');
      await t.anonymous.get('/auth/credential-check').expect(401);
    });

    it('says when the backend itself has no signing secret', async () => {
      const bare = await startTestApp({ config: { signingSecret: '' } });
      try {
        const res = await bare.automation.get('/auth/credential-check').set('x-caseflow-signing-check', proof('x')).expect(200);
        expect(res.body.signing).toBe('not-configured');
      } finally {
        await bare.close();
      }
    });
  });
});
