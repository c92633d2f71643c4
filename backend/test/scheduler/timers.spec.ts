import { verifySignature } from '../../src/common/signing';
import { EventTable, OutboxTable, TimerTable } from '../../src/database/tables';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { TimerSweep } from '../../src/scheduler/timer-sweep';
import { insertInstance } from '../support/fixtures';
import { Receiver } from '../support/receiver';
import { startTestApp, TestApp } from '../support/test-app';

const MINUTE = 60_000;

describe('timer sweep', () => {
  let t: TestApp;
  let sweep: TimerSweep;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestApp(); // the clock stands at Monday 2026-11-02T09:00:00Z
    sweep = t.app.get(TimerSweep);
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const timerRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(TimerTable, { id }));
  const eventsOf = (type: string, timerId: string) =>
    t.db.read(async () => (await t.db.manager.findBy(EventTable, { type })).filter((e) => e.data.timerId === timerId));
  const deliveriesOf = (timerId: string) => t.db.read(() => t.db.manager.findBy(OutboxTable, { idempotencyKey: `timer:${timerId}:fired` }));

  let execution = 0;
  /** Each timer on its own resume URL: a new wait on the same execution would supersede the older one. */
  async function register(body: Record<string, unknown>) {
    const res = await t.automation.post('/timers').send({ resumeUrl: `${receiver.url}/webhook-waiting/${++execution}`, ...body }).expect(201);
    return res.body as { id: string; fireAt: string };
  }

  it('fires a due timer once: status, event and a signed resume call, however often the sweep runs', async () => {
    const instance = await insertInstance(t);
    const timer = await register({ instanceId: instance.id, anchorAt: new Date(t.clock.now()).toISOString(), offset: { amount: 2, unit: 'minutes' } });

    expect(await sweep.fireDue()).toBe(0);
    t.clock.advance(2 * MINUTE - 1);
    expect(await sweep.fireDue()).toBe(0);
    expect((await timerRow(timer.id)).status).toBe('pending');

    t.clock.advance(1);
    expect(await sweep.fireDue()).toBe(1);
    expect(await sweep.fireDue()).toBe(0);
    expect(await timerRow(timer.id)).toMatchObject({ status: 'fired', firedAt: t.clock.now() });
    const fired = await eventsOf('timer.fired', timer.id);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ instanceId: instance.id, entityId: instance.entityId, actorType: 'system' });
    expect(fired[0]!.data).toMatchObject({ fireAt: timer.fireAt, lateMs: 0 });

    const [delivery] = await deliveriesOf(timer.id);
    expect(delivery).toMatchObject({ kind: 'n8n_resume', instanceId: instance.id });
    const before = receiver.calls.length;
    await t.app.get(OutboxWorker).drain();
    const call = receiver.calls[before]!;
    expect(call.path).toBe(`/webhook-waiting/${execution}`);
    expect(JSON.parse(call.body)).toEqual({ kind: 'timer', timerId: timer.id, instanceId: instance.id, fireAt: timer.fireAt, firedAt: timer.fireAt, late: false, status: 'fired' });
    expect(call.headers['x-caseflow-idempotency-key']).toBe(`timer:${timer.id}:fired`);
    const timestamp = Number(call.headers['x-caseflow-timestamp']);
    expect(verifySignature('test-signing-secret', timestamp, call.body, String(call.headers['x-caseflow-signature']))).toBe(true);
  });

  it('resumes a timer registered after its time at once with late=true, and the sweep never fires it again', async () => {
    const timer = await register({ anchorAt: '2026-01-01T00:00:00Z', offset: { amount: 0, unit: 'days' } });
    expect(await sweep.fireDue()).toBe(0);
    expect((await timerRow(timer.id)).status).toBe('past');
    const [resume] = await t.db.read(() => t.db.manager.findBy(OutboxTable, { idempotencyKey: `timer:${timer.id}:past` }));
    expect(resume!.payload).toMatchObject({ kind: 'timer', late: true, status: 'past' });
    expect(await deliveriesOf(timer.id)).toHaveLength(0);
  });

  it('an anchor moved into the past is treated as a time already past: "past", resumed once with late=true', async () => {
    const instance = await insertInstance(t, { data: { courseStart: '2026-11-20T10:00:00Z' } });
    const timer = await register({ instanceId: instance.id, anchorField: 'data.courseStart', offset: { amount: -3, unit: 'minutes' } });
    await t.automation.patch(`/instances/${instance.id}/data`).send({ data: { courseStart: '2026-11-02T08:00:00Z' } }).expect(200);
    const row = await timerRow(timer.id);
    expect(row).toMatchObject({ status: 'past', fireAt: Date.parse('2026-11-02T07:57:00Z'), movedAt: t.clock.now(), firedAt: t.clock.now() });
    const resumes = await t.db.read(() => t.db.manager.findBy(OutboxTable, { idempotencyKey: `timer:${timer.id}:past` }));
    expect(resumes).toHaveLength(1);
    expect(resumes[0]!.payload).toMatchObject({ late: true, status: 'past', timerId: timer.id });
    expect(await eventsOf('timer.past', timer.id)).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason: 'its anchor moved into the past' }) })]);
    // Moving it again changes nothing: it is no longer pending.
    await t.automation.patch(`/instances/${instance.id}/data`).send({ data: { courseStart: '2026-12-20T10:00:00Z' } }).expect(200);
    expect((await timerRow(timer.id)).status).toBe('past');
    expect(await sweep.fireDue()).toBe(0);
    expect(await deliveriesOf(timer.id)).toHaveLength(0);
    const listed = await t.automation.get(`/timers/${timer.id}`).expect(200);
    expect(listed.body).toMatchObject({ status: 'past', moved: true, alreadyDue: true });
  });

  it('fires more due timers than one batch holds, each once', async () => {
    const anchorAt = new Date(t.clock.now()).toISOString();
    const timers = [];
    for (let i = 0; i < 130; i++) timers.push(await register({ anchorAt, offset: { amount: 1 + (i % 3), unit: 'minutes' } }));
    t.clock.advance(3 * MINUTE);
    expect(await sweep.fireDue()).toBe(130);
    expect(await sweep.fireDue()).toBe(0);
    for (const timer of timers.slice(0, 5)) expect(await deliveriesOf(timer.id)).toHaveLength(1);
  });

  it('fires a timer at its new time after its anchor field moved (PATCH /instances/:id/data)', async () => {
    const instance = await insertInstance(t, { data: { courseStart: '2026-11-20' } });
    const timer = await register({ instanceId: instance.id, anchorField: 'data.courseStart', offset: { amount: -14, unit: 'days' }, timeOfDay: '09:00', timeZone: 'Europe/London' });
    expect(timer.fireAt).toBe('2026-11-06T09:00:00.000Z');

    await t.automation.patch(`/instances/${instance.id}/data`).send({ data: { courseStart: '2026-11-27' } }).expect(200);
    expect((await timerRow(timer.id)).fireAt).toBe(Date.parse('2026-11-13T09:00:00Z'));
    expect(await eventsOf('timer.rescheduled', timer.id)).toHaveLength(1);

    t.clock.set(Date.parse('2026-11-06T09:00:00Z'));
    await sweep.fireDue();
    expect((await timerRow(timer.id)).status).toBe('pending');
    t.clock.set(Date.parse('2026-11-13T09:00:00Z'));
    await sweep.fireDue();
    expect(await timerRow(timer.id)).toMatchObject({ status: 'fired', firedAt: Date.parse('2026-11-13T09:00:00Z') });
  });

  it('never fires the timers of a cancelled instance', async () => {
    const instance = await insertInstance(t);
    const anchorAt = new Date(t.clock.now()).toISOString();
    const first = await register({ instanceId: instance.id, anchorAt, offset: { amount: 5, unit: 'minutes' } });
    const second = await register({ instanceId: instance.id, anchorAt, offset: { amount: 1, unit: 'days' } });
    await t.automation.post(`/instances/${instance.id}/cancel`).send({ reason: 'customer withdrew' }).expect(200);
    for (const timer of [first, second]) expect((await timerRow(timer.id)).status).toBe('cancelled');

    t.clock.advance(2 * 24 * 60 * MINUTE);
    await sweep.fireDue();
    for (const timer of [first, second]) {
      expect((await timerRow(timer.id)).status).toBe('cancelled');
      expect(await eventsOf('timer.fired', timer.id)).toHaveLength(0);
      expect(await deliveriesOf(timer.id)).toHaveLength(0);
    }
  });

  it('fires a timer without a resume URL without calling anyone', async () => {
    const res = await t.automation
      .post('/timers')
      .send({ anchorAt: new Date(t.clock.now()).toISOString(), offset: { amount: 0, unit: 'minutes' }, label: 'reminder only' })
      .expect(201);
    expect(await sweep.fireDue()).toBe(1);
    expect(await eventsOf('timer.fired', res.body.id)).toHaveLength(1);
    expect(await deliveriesOf(res.body.id)).toHaveLength(0);
  });
});

describe('timer sweep running on its own (scheduler on)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { schedulerEnabled: true } });
  });
  afterAll(() => t.close());

  it('wakes for a newly registered due timer and fires it without being called', async () => {
    const res = await t.automation
      .post('/timers')
      .send({ anchorAt: new Date(t.clock.now()).toISOString(), offset: { amount: 0, unit: 'minutes' } })
      .expect(201);
    const deadline = Date.now() + 3_000;
    let status = 'pending';
    while (status === 'pending' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      status = (await t.db.read(() => t.db.manager.findOneByOrFail(TimerTable, { id: res.body.id }))).status;
    }
    expect(status).toBe('fired');
  });
});
