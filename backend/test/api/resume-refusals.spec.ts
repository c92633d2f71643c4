import { EventTable, OutboxTable } from '../../src/database/tables';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { TimerSweep } from '../../src/scheduler/timer-sweep';
import { Receiver } from '../support/receiver';
import { setUpReferralProcess, student } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;
/** What the Caseflow nodes answer (signed-call.ts) when their credential lacks the signing secret. */
const NO_SECRET = "The Caseflow API credential has no Signing Secret; set it to the backend's CASEFLOW_SIGNING_SECRET";

describe('a resume n8n refuses', () => {
  let t: TestApp;
  let receiver: Receiver;
  let worker: OutboxWorker;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
    receiver = await Receiver.start();
    worker = t.app.get(OutboxWorker);
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  let n = 0;
  /** A case whose execution (n8n's signed resume URL) waits on a Relative Delay timer that has just fired. */
  async function firedTimer(executionId: string) {
    const launched = await t.automation.post('/instances').send({ processKey: 'referral', entity: student(`r${++n}`), stageKey: 'review' }).expect(201);
    const resumeUrl = `${receiver.url}/webhook-waiting/${executionId}?signature=s3cr3t-${executionId}`;
    const timer = await t.automation
      .post('/timers')
      .send({ instanceId: launched.body.id, anchorAt: new Date(t.clock.now()).toISOString(), offset: { amount: 1, unit: 'minutes' }, resumeUrl })
      .expect(201);
    t.clock.advance(MINUTE);
    await t.app.get(TimerSweep).fireDue();
    const delivery = () => t.db.read(() => t.db.manager.findOneByOrFail(OutboxTable, { idempotencyKey: `timer:${timer.body.id}:fired` }));
    return { instanceId: launched.body.id as string, timerId: timer.body.id as string, resumeUrl, delivery };
  }
  const eventsOf = (instanceId: string, type: string) => t.db.read(() => t.db.manager.findBy(EventTable, { instanceId, type }));

  it('dead-letters a refused resume and marks the case failed with the reason n8n gave, never the signature', async () => {
    receiver.answer([[401, JSON.stringify({ error: NO_SECRET })]]);
    const { instanceId, timerId, delivery } = await firedTimer('77');
    await worker.drain();

    const row = await delivery();
    expect(row).toMatchObject({ status: 'dead', attempts: 1 });
    expect(row.lastError).toBe(`n8n execution 77 answered 401: ${NO_SECRET}`);
    expect(row.lastError).not.toMatch(/signature=|s3cr3t/);

    const detail = (await t.admin.get(`/instances/${instanceId}`).expect(200)).body;
    expect(detail).toMatchObject({
      status: 'failed',
      failure: { message: NO_SECRET, source: 'resume', executionId: '77', node: null, executionUrl: null },
    });
    expect(detail.timers).toEqual([expect.objectContaining({ id: timerId, status: 'fired', resumeError: row.lastError })]);
    expect(JSON.stringify(detail)).not.toMatch(/s3cr3t/);
    const [refused] = await eventsOf(instanceId, 'delivery.refused');
    expect(refused!.data).toMatchObject({ deliveryId: row.id, executionId: '77', status: 401, reason: NO_SECRET });
    expect(await eventsOf(instanceId, 'instance.failed')).toHaveLength(1);
  });

  it('sends the resume again when the case is retried, and the case goes back to work', async () => {
    receiver.answer([[401, JSON.stringify({ error: NO_SECRET })]]);
    const { instanceId, delivery } = await firedTimer('78');
    await worker.drain();
    expect((await delivery()).status).toBe('dead');

    receiver.answer([]);
    const before = receiver.calls.length;
    const res = await t.admin.post(`/instances/${instanceId}/retry`).expect(200);
    expect(res.body).toMatchObject({ status: 'active', failure: null });
    await worker.drain();
    expect(await delivery()).toMatchObject({ status: 'delivered' });
    expect(receiver.calls.slice(before)).toEqual([expect.objectContaining({ path: '/webhook-waiting/78?signature=s3cr3t-78' })]);
    const [retried] = await eventsOf(instanceId, 'instance.retried');
    expect(retried!.data).toMatchObject({ source: 'resume', deliveryId: (await delivery()).id });
  });

  // Before the 404 tests, which leave deliveries pending that a later drain would send first.
  it('tries a 409 "running already" again: the execution had not parked at its wait yet', async () => {
    receiver.answer([[409, JSON.stringify({ code: 409, message: 'The execution "81" is running already.' })]]);
    const running = await firedTimer('81');
    await worker.drain();
    expect(await running.delivery()).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/running already/) });
    t.clock.set(Math.max(t.clock.now(), (await running.delivery()).nextAttemptAt));
    await worker.drain();
    expect(await running.delivery()).toMatchObject({ status: 'delivered', attempts: 2 });
    expect((await t.admin.get(`/instances/${running.instanceId}`)).body.status).not.toBe('failed');
  });

  it('keeps retrying a 404 (n8n restarting) without echoing the URL n8n puts in its page', async () => {
    receiver.answer([[404, '<!DOCTYPE html><pre>Cannot POST /webhook-waiting/79?signature=s3cr3t-79</pre>']]);
    const { instanceId, delivery } = await firedTimer('79');
    await worker.drain();
    const row = await delivery();
    expect(row).toMatchObject({ status: 'pending', attempts: 1 });
    expect(row.lastError).toBe('n8n execution 79 answered 404: Cannot POST /webhook-waiting/79');
    expect((await t.admin.get(`/instances/${instanceId}`)).body.status).toBe('active');
    // n8n is back: the next attempt goes through, and nothing is left pending for the tests after this one.
    t.clock.set(Math.max(t.clock.now(), row.nextAttemptAt));
    await worker.drain();
    expect(await delivery()).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('marks the case failed once a 404 ("unknown execution") has used up its attempts', async () => {
    receiver.answer([], 404);
    const { instanceId, delivery } = await firedTimer('80');
    for (let attempt = 1; attempt <= 8; attempt++) {
      t.clock.set(Math.max(t.clock.now(), (await delivery()).nextAttemptAt));
      await worker.drain();
    }
    expect(await delivery()).toMatchObject({ status: 'dead', attempts: 8 });
    expect((await t.admin.get(`/instances/${instanceId}`)).body.failure).toMatchObject({ source: 'resume', executionId: '80' });
  });

  it('counts a 409 "finished" as delivered when another call resumed the execution first', async () => {
    // A decision resumed execution 82 first; the timer registered after it then finds the execution finished.
    receiver.answer([200, [409, JSON.stringify({ code: 409, message: 'The execution "82 has finished already.' })]]);
    const resumeUrl = `${receiver.url}/webhook-waiting/82?signature=s3cr3t-82`;
    const launched = await t.automation.post('/instances').send({ processKey: 'referral', entity: student(`r${++n}`), stageKey: 'review' }).expect(201);
    const task = await t.automation.post('/tasks').send({ instanceId: launched.body.id, queue: 'advisors', title: 'Review', resumeUrl }).expect(201);
    await t.automation.post(`/tasks/${task.body.id}/decide`).send({ decision: 'accept' }).expect(200);
    await worker.drain();
    await t.automation
      .post('/timers')
      .send({ instanceId: launched.body.id, anchorAt: new Date(t.clock.now()).toISOString(), offset: { amount: 1, unit: 'minutes' }, resumeUrl })
      .expect(201);
    t.clock.advance(MINUTE);
    await t.app.get(TimerSweep).fireDue();
    await worker.drain();
    const rows = await t.db.read(() => t.db.manager.findBy(OutboxTable, { instanceId: launched.body.id, kind: 'n8n_resume' }));
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.status === 'delivered')).toHaveLength(2);
    const finished = { instanceId: launched.body.id as string };
    expect((await t.admin.get(`/instances/${finished.instanceId}`)).body.status).not.toBe('failed');
  });

  it('counts a 409 "finished" as delivered: n8n ended the wait itself (a time limit), nothing is refused', async () => {
    receiver.answer([[409, JSON.stringify({ code: 409, message: 'The execution "83" has finished already.' })]]);
    const { instanceId, delivery } = await firedTimer('83');
    await worker.drain();
    expect(await delivery()).toMatchObject({ status: 'delivered', attempts: 1 });
    const instance = (await t.admin.get(`/instances/${instanceId}`)).body;
    expect(instance.status).not.toBe('failed');
    expect(instance.failure).toBeNull();
    // …but the case says that this call continued nothing, with n8n's reason.
    const events = await t.db.read(() => t.db.manager.findBy(EventTable, { instanceId, type: 'delivery.not_taken' }));
    expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ status: 409, reason: 'The execution "83" has finished already.', executionId: '83' }) })]);
  });

  it('leaves a closed case closed when a resume for it is refused', async () => {
    receiver.answer([[401, JSON.stringify({ error: NO_SECRET })]]);
    const { instanceId, delivery } = await firedTimer('84');
    await t.automation.post(`/instances/${instanceId}/cancel`).send({}).expect(200);
    await worker.drain();
    expect((await delivery()).status).toBe('dead');
    expect((await t.admin.get(`/instances/${instanceId}`)).body).toMatchObject({ status: 'cancelled', failure: null });
  });
});
