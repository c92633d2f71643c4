import { EventTable, InstanceTable, OutboxTable, TimerTable } from '../../src/database/tables';
import { TimersService } from '../../src/timers/timers.service';
import { insertCalendar, insertEntity, insertInstance } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('timers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(); // the clock stands at 2026-11-02T09:00:00Z
  });
  afterAll(() => t.close());

  const RESUME = 'http://n8n.local:5678/webhook-waiting/123?signature=abc';
  const timerRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(TimerTable, { id }));
  const countTimers = () => t.db.read(() => t.db.manager.count(TimerTable));

  describe('POST /timers', () => {
    it('registers a timer relative to a literal anchor and never echoes the resume URL', async () => {
      const instance = await insertInstance(t);
      const res = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorAt: '2026-11-02T09:00:00Z', offset: { amount: 2, unit: 'minutes' }, resumeUrl: RESUME, label: 'confirmation' })
        .expect(201);
      expect(res.body).toMatchObject({
        instanceId: instance.id,
        anchorField: null,
        anchorAt: '2026-11-02T09:00:00.000Z',
        offset: { amount: 2, unit: 'minutes' },
        fireAt: '2026-11-02T09:02:00.000Z',
        status: 'pending',
        label: 'confirmation',
        alreadyDue: false,
      });
      expect(JSON.stringify(res.body)).not.toContain('webhook-waiting');
      expect((await timerRow(res.body.id)).resumeUrl).toBe(RESUME);
      const events = await t.db.read(() => t.db.manager.findBy(EventTable, { type: 'timer.registered', instanceId: instance.id }));
      expect(events).toEqual([expect.objectContaining({ entityId: instance.entityId })]);
    });

    it('reads the anchor from the instance data: 14 days before course start at 09:00 London time', async () => {
      const instance = await insertInstance(t, { data: { course: { start: '2026-12-15' } } });
      const res = await t.automation
        .post('/timers')
        .send({
          instanceId: instance.id,
          anchorField: 'data.course.start',
          offset: { amount: -14, unit: 'days' },
          timeOfDay: '09:00',
          timeZone: 'Europe/London',
          resumeUrl: RESUME,
        })
        .expect(201);
      expect(res.body).toMatchObject({ anchorField: 'data.course.start', anchorAt: '2026-12-15T00:00:00.000Z', fireAt: '2026-12-01T09:00:00.000Z' });
    });

    it('reads the anchor from entity attributes and entity columns', async () => {
      const entity = await insertEntity(t, { attributes: { dueDate: '2026-11-20T12:00:00Z' } });
      const instance = await insertInstance(t, { entity });
      const byAttribute = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorField: 'entity.attributes.dueDate', offset: { amount: 1, unit: 'weeks' } })
        .expect(201);
      expect(byAttribute.body.fireAt).toBe('2026-11-27T12:00:00.000Z');
      const byColumn = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorField: 'entity.createdAt', offset: { amount: 1, unit: 'hours' } })
        .expect(201);
      expect(byColumn.body.fireAt).toBe('2026-11-02T10:00:00.000Z');
    });

    it('accepts a fire time already past: "past" at once, resumed with late=true ("when the invoice due date has passed")', async () => {
      const instance = await insertInstance(t, { data: { invoiceDue: '2026-10-01' } });
      const res = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorField: 'data.invoiceDue', offset: { amount: 0, unit: 'days' }, resumeUrl: RESUME })
        .expect(201);
      expect(res.body).toMatchObject({ fireAt: '2026-10-01T00:00:00.000Z', alreadyDue: true, status: 'past', firedAt: '2026-11-02T09:00:00.000Z' });
      const resume = await t.db.read(() => t.db.manager.findOneByOrFail(OutboxTable, { idempotencyKey: `timer:${res.body.id}:past` }));
      expect(resume).toMatchObject({ kind: 'n8n_resume', target: RESUME, payload: expect.objectContaining({ late: true, status: 'past', timerId: res.body.id }) });
      const events = await t.db.read(() => t.db.manager.findBy(EventTable, { type: 'timer.past', instanceId: instance.id }));
      expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason: 'its time had passed when it was registered' }) })]);
    });

    it('with ifPast "report", a past timer only answers "past" and calls nobody (Relative Delay goes on by itself)', async () => {
      const instance = await insertInstance(t);
      const res = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorAt: '2026-11-01T09:00:00Z', offset: { amount: 1, unit: 'hours' }, resumeUrl: RESUME, ifPast: 'report' })
        .expect(201);
      expect(res.body).toMatchObject({ status: 'past', alreadyDue: true });
      expect(await t.db.read(() => t.db.manager.countBy(OutboxTable, { idempotencyKey: `timer:${res.body.id}:past` }))).toBe(0);
      await t.automation.post('/timers').send({ anchorAt: '2026-11-01', offset: { amount: 1, unit: 'days' }, ifPast: 'later' }).expect(400);
    });

    it('keeps a wait shorter than inProcessBelowMs in the caller: shown and fired, but resuming nobody', async () => {
      const instance = await insertInstance(t);
      const body = { instanceId: instance.id, anchorAt: '2026-11-02T09:00:00Z', resumeUrl: RESUME, inProcessBelowMs: 60_000 };
      const short = await t.automation.post('/timers').send({ ...body, offset: { amount: 0, unit: 'minutes' }, timeOfDay: undefined, anchorAt: '2026-11-02T09:00:30Z' }).expect(201);
      expect(short.body).toMatchObject({ status: 'pending', inProcess: true, alreadyDue: false });
      expect((await timerRow(short.body.id)).resumeUrl).toBeNull();
      const long = await t.automation.post('/timers').send({ ...body, offset: { amount: 2, unit: 'minutes' } }).expect(201);
      expect(long.body).toMatchObject({ status: 'pending', inProcess: false });
      expect((await timerRow(long.body.id)).resumeUrl).toBe(RESUME);
      await t.automation.post('/timers').send({ ...body, offset: { amount: 2, unit: 'minutes' }, inProcessBelowMs: 3_600_000 }).expect(400);
    });

    it("counts business days on the calendar, skipping weekends and the calendar's holidays", async () => {
      const calendar = await insertCalendar(t, { timeZone: 'Europe/London', holidays: ['2026-11-09'] });
      const res = await t.automation
        .post('/timers')
        .send({ anchorAt: '2026-11-06T10:00:00Z', offset: { amount: 1, unit: 'businessDays' }, calendarKey: calendar.key })
        .expect(201);
      expect(res.body).toMatchObject({ instanceId: null, calendarKey: calendar.key, fireAt: '2026-11-10T10:00:00.000Z' });
    });

    it('refuses unclear anchors and bad offsets with 400 and writes nothing', async () => {
      const instance = await insertInstance(t, { data: { label: 'not a date', when: '2026-12-01' } });
      const before = await countTimers();
      const offset = { amount: 1, unit: 'days' };
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [{ instanceId: instance.id, offset }, /anchorField/],
        [{ instanceId: instance.id, anchorAt: '2026-11-02', anchorField: 'data.when', offset }, /anchorField/],
        [{ anchorField: 'data.when', offset }, /instanceId/],
        [{ instanceId: instance.id, anchorField: 'data.label', offset }, /does not resolve to a date/],
        [{ instanceId: instance.id, anchorField: 'data.missing', offset }, /does not resolve to a date/],
        [{ instanceId: instance.id, anchorField: 'entity.name', offset }, /anchorField/],
        [{ instanceId: instance.id, anchorField: 'data.__proto__.x', offset }, /anchorField/],
        [{ anchorAt: 'next tuesday', offset }, /anchorAt/],
        [{ anchorAt: '2026-11-02', offset, calendarKey: 'no-such-calendar' }, /calendarKey/],
        [{ anchorAt: '2026-11-02', offset: { amount: 1.5, unit: 'days' } }, /offset.amount/],
        [{ anchorAt: '2026-11-02', offset: { amount: 1, unit: 'fortnights' } }, /offset.unit/],
        [{ anchorAt: '2026-11-02', offset, timeOfDay: '25:00' }, /timeOfDay/],
        [{ anchorAt: '2026-11-02', offset, timeZone: 'Mars/Olympus' }, /timeZone/],
        [{ anchorAt: '2026-11-02', offset, resumeUrl: 'ftp://x' }, /resumeUrl/],
      ];
      for (const [body, message] of cases) {
        const res = await t.automation.post('/timers').send(body);
        expect({ status: res.status, body }).toEqual({ status: 400, body });
        expect(res.body.message).toMatch(message);
      }
      expect(await countTimers()).toBe(before);
    });

    it('answers 404 for an unknown instance and 409 for a closed one', async () => {
      const offset = { amount: 1, unit: 'days' };
      await t.automation.post('/timers').send({ instanceId: '00000000-0000-4000-8000-00000000abcd', anchorAt: '2026-11-02', offset }).expect(404);
      const closed = await insertInstance(t, { status: 'completed', closedAt: t.clock.now() });
      const res = await t.automation.post('/timers').send({ instanceId: closed.id, anchorAt: '2026-11-02', offset }).expect(409);
      expect(res.body.message).toMatch(/completed/);
    });

    it('needs credentials and instances:write', async () => {
      const body = { anchorAt: '2026-11-02', offset: { amount: 1, unit: 'days' } };
      await t.anonymous.post('/timers').send(body).expect(401);
      const viewer = await t.createUser('viewer');
      await viewer.client.post('/timers').send(body).expect(403);
      await viewer.client.get('/timers').expect(200);
    });
  });

  describe('GET /timers', () => {
    it('lists the timers of an instance by fire time, filtered by status', async () => {
      const instance = await insertInstance(t);
      const make = (amount: number) =>
        t.automation.post('/timers').send({ instanceId: instance.id, anchorAt: '2026-11-02T09:00:00Z', offset: { amount, unit: 'hours' } }).expect(201);
      const late = await make(5);
      const early = await make(1);
      await t.automation.delete(`/timers/${late.body.id}`).expect(200);
      const all = await t.automation.get(`/timers?instanceId=${instance.id}`).expect(200);
      expect(all.body.items.map((x: { id: string }) => x.id)).toEqual([early.body.id, late.body.id]);
      const pending = await t.automation.get(`/timers?instanceId=${instance.id}&status=pending`).expect(200);
      expect(pending.body).toMatchObject({ total: 1, items: [{ id: early.body.id }] });
      await t.automation.get('/timers?status=sleeping').expect(400);
    });
  });

  describe('DELETE /timers/:id', () => {
    it('cancels a pending timer once; a second cancel or a fired timer is a 409; an unknown one a 404', async () => {
      const instance = await insertInstance(t);
      const created = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorAt: '2026-11-03', offset: { amount: 1, unit: 'days' } })
        .expect(201);
      const res = await t.automation.delete(`/timers/${created.body.id}`).expect(200);
      expect(res.body.status).toBe('cancelled');
      expect(await t.db.read(() => t.db.manager.countBy(EventTable, { type: 'timer.cancelled', instanceId: instance.id }))).toBe(1);
      await t.automation.delete(`/timers/${created.body.id}`).expect(409);

      const fired = await t.automation.post('/timers').send({ anchorAt: '2026-11-03', offset: { amount: 1, unit: 'days' } }).expect(201);
      await t.db.transaction(() => t.db.manager.update(TimerTable, { id: fired.body.id }, { status: 'fired', firedAt: t.clock.now() }));
      const conflict = await t.automation.delete(`/timers/${fired.body.id}`).expect(409);
      expect(conflict.body.message).toMatch(/fired/);

      await t.automation.delete('/timers/00000000-0000-4000-8000-00000000abcd').expect(404);
      await t.automation.delete('/timers/not-a-uuid').expect(404);
      const viewer = await t.createUser('viewer');
      await viewer.client.delete(`/timers/${fired.body.id}`).expect(403);
    });
  });

  describe('TimersService for the instances domain', () => {
    it('recomputeForInstance moves pending timers whose anchor field changed, inside the caller transaction', async () => {
      const instance = await insertInstance(t, { data: { courseStart: '2026-12-15' } });
      const anchored = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorField: 'data.courseStart', offset: { amount: -14, unit: 'days' } })
        .expect(201);
      const literal = await t.automation
        .post('/timers')
        .send({ instanceId: instance.id, anchorAt: '2026-12-15', offset: { amount: -14, unit: 'days' } })
        .expect(201);
      const timers = t.app.get(TimersService);
      const moved = await t.db.transaction(async () => {
        await t.db.manager.update(InstanceTable, { id: instance.id }, { data: { courseStart: '2027-01-10' } });
        return timers.recomputeForInstance(instance.id);
      });
      expect(moved).toBe(1);
      expect(new Date((await timerRow(anchored.body.id)).fireAt).toISOString()).toBe('2026-12-27T00:00:00.000Z');
      expect((await timerRow(literal.body.id)).fireAt).toBe(Date.parse(literal.body.fireAt));
      expect(await t.db.read(() => t.db.manager.countBy(EventTable, { type: 'timer.rescheduled', instanceId: instance.id }))).toBe(1);
      expect(await t.db.transaction(() => timers.recomputeForInstance(instance.id))).toBe(0);
    });

    it('cancelForInstance cancels only pending timers and records each', async () => {
      const instance = await insertInstance(t);
      const body = { instanceId: instance.id, anchorAt: '2026-12-01', offset: { amount: 1, unit: 'days' } };
      const first = await t.automation.post('/timers').send(body).expect(201);
      const second = await t.automation.post('/timers').send(body).expect(201);
      await t.automation.delete(`/timers/${second.body.id}`).expect(200);
      const cancelled = await t.db.transaction(() => t.app.get(TimersService).cancelForInstance(instance.id));
      expect(cancelled).toBe(1);
      expect((await timerRow(first.body.id)).status).toBe('cancelled');
      expect(await t.db.read(() => t.db.manager.countBy(EventTable, { type: 'timer.cancelled', instanceId: instance.id }))).toBe(2);
    });
  });
});
