import { EntityTable, EventTable, InstanceTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

/** Follow-up flows (a booking cancelled, an invoice paid) find their case through GET /instances, never by launching. */
describe('finding a case without creating one (GET /instances)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const launch = async (processKey: string, externalId: string, idempotencyKey?: string): Promise<string> => {
    const res = await t.automation
      .post('/instances')
      .send({ processKey, entity: { type: 'booking', externalId, name: `Booking ${externalId}` }, idempotencyKey })
      .expect(201);
    return res.body.id as string;
  };
  const find = (query: string) => t.automation.get(`/instances?${query}`);
  const idsOf = (body: { items: Array<{ id: string }> }) => body.items.map((i) => i.id).sort();
  const written = () =>
    t.db.read(async () => ({
      entities: await t.db.manager.count(EntityTable),
      instances: await t.db.manager.count(InstanceTable),
      events: await t.db.manager.count(EventTable),
    }));

  beforeAll(async () => {
    t = await startTestApp();
    for (const key of ['bookings', 'booking-reminders']) {
      await t.admin.post('/processes').send({ key, name: key, entityTypes: ['booking'], stages: [{ key: 'booked', name: 'Booked' }] }).expect(201);
      await t.admin.post(`/processes/${key}/publish`).expect(200);
    }
    ids.open = await launch('bookings', 'B-1', 'booking-B-1');
    ids.cancelled = await launch('bookings', 'B-1');
    await t.automation.post(`/instances/${ids.cancelled}/cancel`).send({ reason: 'rebooked' }).expect(200);
    ids.completed = await launch('bookings', 'B-1');
    await t.automation.post(`/instances/${ids.completed}/complete`).send({ outcome: 'attended' }).expect(200);
    ids.failed = await launch('bookings', 'B-1');
    await t.db.transaction(() => t.db.manager.update(InstanceTable, { id: ids.failed }, { status: 'failed' }));
    ids.reminder = await launch('booking-reminders', 'B-1', 'booking-B-1');
    ids.other = await launch('bookings', 'B-2');
  });
  afterAll(() => t.close());

  it('finds the open booking case for booking B-1', async () => {
    const res = await find('processKey=bookings&entityType=booking&externalId=B-1&open=true').expect(200);
    expect(idsOf(res.body)).toEqual([ids.open, ids.failed].sort());
    expect(res.body.total).toBe(2);
    expect(res.body.items.every((i: { entity: { externalId: string } }) => i.entity.externalId === 'B-1')).toBe(true);
  });

  it('lists every case of an entity across processes, and only the closed ones with open=false', async () => {
    const all = await find('entityType=booking&externalId=B-1').expect(200);
    expect(idsOf(all.body)).toEqual([ids.open, ids.cancelled, ids.completed, ids.failed, ids.reminder].sort());
    const closed = await find('entityType=booking&externalId=B-1&open=false').expect(200);
    expect(idsOf(closed.body)).toEqual([ids.cancelled, ids.completed].sort());
  });

  it('answers an unknown entity with an empty page, creating nothing', async () => {
    const before = await written();
    const res = await find('processKey=bookings&entityType=booking&externalId=B-404&open=true').expect(200);
    expect(res.body).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    await find('entityType=spaceship&externalId=B-1').expect(200).expect((r) => expect(r.body.total).toBe(0));
    expect(await written()).toEqual(before);
  });

  it('matches the external id only within its entity type', async () => {
    await t.automation.post('/entities').send({ type: 'invoice', externalId: 'B-1', name: 'Invoice B-1' }).expect(201);
    await find('entityType=invoice&externalId=B-1').expect(200).expect((r) => expect(r.body.total).toBe(0));
  });

  it('finds the case a launch with an idempotency key started, per process', async () => {
    const res = await find('processKey=bookings&idempotencyKey=booking-B-1').expect(200);
    expect(idsOf(res.body)).toEqual([ids.open]);
    const reminder = await find('processKey=booking-reminders&idempotencyKey=booking-B-1').expect(200);
    expect(idsOf(reminder.body)).toEqual([ids.reminder]);
    await find('processKey=bookings&idempotencyKey=never-used').expect(200).expect((r) => expect(r.body.total).toBe(0));
  });

  it('combines with the other filters: entityId, status and paging', async () => {
    await find(`entityType=booking&externalId=B-1&entityId=${ids.other}`).expect(200).expect((r) => expect(r.body.total).toBe(0));
    const cancelled = await find('entityType=booking&externalId=B-1&status=cancelled').expect(200);
    expect(idsOf(cancelled.body)).toEqual([ids.cancelled]);
    await find('entityType=booking&externalId=B-1&status=cancelled&open=true').expect(200).expect((r) => expect(r.body.total).toBe(0));
    const page = await find('processKey=bookings&entityType=booking&externalId=B-1&open=true&limit=1&offset=1').expect(200);
    expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);
  });

  it('refuses half a pair with 400 naming the missing half', async () => {
    const type = await find('entityType=booking').expect(400);
    expect(type.body.details).toEqual([{ field: 'externalId', messages: ['is required with entityType: an entity is found by its type and external id together'] }]);
    expect(type.body.message).toMatch(/^externalId: is required with entityType/);
    const external = await find('externalId=B-1').expect(400);
    expect(external.body.details.map((d: { field: string }) => d.field)).toEqual(['entityType']);
    const key = await find('idempotencyKey=booking-B-1').expect(400);
    expect(key.body.details).toEqual([{ field: 'processKey', messages: ['is required with idempotencyKey: idempotency keys are unique only within a process'] }]);
  });

  it('refuses oversized or malformed filters with field-level 400s, never a 500', async () => {
    const cases: Array<[string, string]> = [
      [`entityType=booking&externalId=${'x'.repeat(1000)}`, 'externalId'],
      [`entityType=${'x'.repeat(51)}&externalId=B-1`, 'entityType'],
      [`processKey=bookings&idempotencyKey=${'k'.repeat(201)}`, 'idempotencyKey'],
      ['entityType=booking&externalId=', 'externalId'],
      ['open=maybe', 'open'],
      ['entityType=booking&entityType=invoice&externalId=B-1', 'entityType'],
    ];
    for (const [query, field] of cases) {
      const res = await find(query);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
  });

  it('is refused to nobody at all with 401', async () => {
    await t.anonymous.get('/instances?entityType=booking&externalId=B-1').expect(401);
  });
});
