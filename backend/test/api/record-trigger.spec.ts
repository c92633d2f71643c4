import { Like } from 'typeorm';
import { newId } from '../../src/common/ids';
import { EventTable, OutboxTable } from '../../src/database/tables';
import { insertPublishedProcess } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Issue 12: the Caseflow Trigger on a change to a record, filtered in the backend by type, field and value. */
describe('record triggers', () => {
  let t: TestApp;
  const TYPE = 'course_date';
  const target = (name: string) => `http://n8n.test/webhook/${name}`;

  beforeAll(async () => {
    t = await startTestApp();
    await t.admin.post('/entity-types').send({ key: TYPE, name: 'Course dates' }).expect(201);
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    const listed = await t.automation.get('/webhooks?limit=500').expect(200);
    for (const { id } of listed.body.items as Array<{ id: string }>) await t.automation.delete(`/webhooks/${id}`).expect(204);
  });

  const subscribe = async (body: Record<string, unknown>) =>
    (await t.automation.post('/webhooks').send({ targetUrl: target('record'), ...body }).expect(201)).body as { id: string };
  const createRecord = async (body: Record<string, unknown> = {}) =>
    (await t.automation.post('/entities').send({ type: TYPE, externalId: `CD-${newId().slice(-8)}`, name: 'Spring course', ...body }).expect(201))
      .body as { id: string; externalId: string };
  /** The trigger deliveries of a record's events, oldest first. */
  const deliveriesOf = async (entityId: string, type: string) => {
    const events = await t.db.read(() => t.db.manager.find(EventTable, { where: { entityId, type }, order: { seq: 'ASC' } }));
    const deliveries: OutboxTable[] = [];
    for (const event of events) {
      deliveries.push(...(await t.db.read(() => t.db.manager.find(OutboxTable, { where: { idempotencyKey: Like(`event:${event.id}:%`) } }))));
    }
    return deliveries;
  };
  const patch = (id: string, body: Record<string, unknown>) => t.automation.patch(`/entities/${id}`).send(body).expect(200);

  describe('POST /webhooks with a record filter', () => {
    it('stores the type, the field (status as attributes.status) and the value', async () => {
      const res = await t.automation
        .post('/webhooks')
        .send({ events: ['entity.updated'], targetUrl: target('a'), entityType: TYPE, field: 'status', value: 'Completed' })
        .expect(201);
      expect(res.body).toMatchObject({ events: ['entity.updated'], entityType: TYPE, field: 'attributes.status', value: 'Completed' });
      const listed = await t.automation.get('/webhooks?limit=500').expect(200);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: res.body.id, field: 'attributes.status', value: 'Completed' })]);
    });

    it('keeps own fields and dotted attribute paths as given', async () => {
      for (const field of ['name', 'email', 'managerEmail', 'attributes.course.status']) {
        const res = await t.automation.post('/webhooks').send({ events: ['entity.created'], targetUrl: target('b'), entityType: TYPE, field }).expect(201);
        expect(res.body.field).toBe(field);
      }
    });

    it('refuses a field path that is not allowed with 400 on field', async () => {
      for (const field of ['type', 'externalId', 'attributes', 'course.status', 'attributes.__proto__', 'attributes.a b', 'attributes..x', '']) {
        const res = await t.automation.post('/webhooks').send({ events: ['entity.updated'], targetUrl: target('c'), entityType: TYPE, field }).expect(400);
        expect(res.body.details).toEqual([{ field: 'field', messages: [expect.stringContaining('must be name, email, managerEmail')] }]);
      }
    });

    it('refuses record events without a type, an unknown type, a value without a field, and filters on case events', async () => {
      const refused = async (body: Record<string, unknown>, field: string) => {
        const res = await t.automation.post('/webhooks').send({ targetUrl: target('d'), ...body }).expect(400);
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
      };
      await refused({ events: ['entity.updated'] }, 'entityType');
      await refused({ events: ['entity.updated'], entityType: 'spaceship' }, 'entityType');
      await refused({ events: ['entity.updated'], entityType: TYPE, value: 'Completed' }, 'value');
      await refused({ events: ['task.decided'], entityType: TYPE }, 'entityType');
      expect((await t.automation.get('/webhooks?limit=500').expect(200)).body.items).toEqual([]);
    });

    it('keeps record events named next to "*", which stands for every case event', async () => {
      const res = await t.automation.post('/webhooks').send({ events: ['*', 'task.created', 'entity.updated'], targetUrl: target('e'), entityType: TYPE }).expect(201);
      expect(res.body.events).toEqual(['*', 'entity.updated']);
    });
  });

  describe('fan-out of record changes', () => {
    it('status becomes Completed: one delivery with the record and the before/after of the changed fields', async () => {
      const subscription = await subscribe({ events: ['entity.updated'], entityType: TYPE, field: 'status', value: 'Completed' });
      const record = await createRecord({ attributes: { status: 'Booked', room: 'A1' } });
      await patch(record.id, { name: 'Spring course (full)', attributes: { status: 'Completed' } });
      const deliveries = await deliveriesOf(record.id, 'entity.updated');
      expect(deliveries).toHaveLength(1);
      expect(deliveries[0]).toMatchObject({ kind: 'webhook', target: target('record'), status: 'pending', instanceId: null });
      expect(deliveries[0]!.payload).toEqual({
        subscriptionId: subscription.id,
        event: expect.objectContaining({ type: 'entity.updated', entityId: record.id }),
        record: {
          entity: {
            id: record.id, type: TYPE, externalId: record.externalId, name: 'Spring course (full)',
            email: null, managerEmail: null, attributes: { status: 'Completed', room: 'A1' },
          },
          before: { name: 'Spring course', 'attributes.status': 'Booked' },
          after: { name: 'Spring course (full)', 'attributes.status': 'Completed' },
          changed: ['name', 'attributes.status'],
        },
      });
    });

    it('enqueues nothing for another field, another value, another type, a no-op or a value it already had', async () => {
      await subscribe({ events: ['entity.updated'], entityType: TYPE, field: 'status', value: 'Completed' });
      const record = await createRecord({ attributes: { status: 'Booked' } });
      await patch(record.id, { attributes: { room: 'B2' } });
      await patch(record.id, { attributes: { status: 'Cancelled' } });
      await patch(record.id, { attributes: { status: 'Cancelled' } });
      expect(await deliveriesOf(record.id, 'entity.updated')).toEqual([]);
      const booking = (await t.automation.post('/entities').send({ type: 'booking', externalId: `B-${newId().slice(-8)}`, attributes: { status: 'Booked' } }).expect(201)).body;
      await patch(booking.id, { attributes: { status: 'Completed' } });
      expect(await deliveriesOf(booking.id, 'entity.updated')).toEqual([]);
      // The no-op above recorded no event at all.
      const updates = await t.db.read(() => t.db.manager.countBy(EventTable, { entityId: record.id, type: 'entity.updated' }));
      expect(updates).toBe(2);

      await patch(record.id, { attributes: { status: 'Completed' } });
      expect(await deliveriesOf(record.id, 'entity.updated')).toHaveLength(1);
      await patch(record.id, { name: 'Renamed', attributes: { status: 'Completed' } });
      expect(await deliveriesOf(record.id, 'entity.updated')).toHaveLength(1);
    });

    it('with a field and no value, fires whenever that field changes; with neither, on every change of the type', async () => {
      const anyStatus = await subscribe({ events: ['entity.updated'], entityType: TYPE, field: 'status' });
      const anyChange = await subscribe({ events: ['entity.updated'], entityType: TYPE });
      const record = await createRecord({ attributes: { status: 'Booked' } });
      await patch(record.id, { attributes: { room: 'C3' } });
      await patch(record.id, { attributes: { status: 'Cancelled' } });
      await patch(record.id, { attributes: { status: null } });
      const deliveries = await deliveriesOf(record.id, 'entity.updated');
      expect(deliveries.filter((d) => d.payload.subscriptionId === anyChange.id)).toHaveLength(3);
      const statusChanges = deliveries.filter((d) => d.payload.subscriptionId === anyStatus.id).map((d) => d.payload.record);
      expect(statusChanges).toEqual([
        expect.objectContaining({ before: { 'attributes.status': 'Booked' }, after: { 'attributes.status': 'Cancelled' } }),
        expect.objectContaining({ before: { 'attributes.status': 'Cancelled' }, after: { 'attributes.status': null } }),
      ]);
    });

    it('matches own fields and nested attribute paths, comparing non-strings by their JSON', async () => {
      const email = await subscribe({ events: ['entity.updated'], entityType: TYPE, field: 'email', value: 'ops@example.test' });
      const nested = await subscribe({ events: ['entity.updated'], entityType: TYPE, field: 'attributes.course.seats', value: '0' });
      const record = await createRecord({ attributes: { course: { seats: 2, level: 'B1' } } });
      await patch(record.id, { attributes: { course: { seats: 2, level: 'B2' } } });
      await patch(record.id, { email: 'ops@example.test', attributes: { course: { seats: 0, level: 'B2' } } });
      const deliveries = await deliveriesOf(record.id, 'entity.updated');
      expect(deliveries.map((d) => d.payload.subscriptionId).sort()).toEqual([email.id, nested.id].sort());
      expect(deliveries[0]!.payload.record).toMatchObject({
        before: { email: null, 'attributes.course': { seats: 2, level: 'B2' } },
        after: { email: 'ops@example.test', 'attributes.course': { seats: 0, level: 'B2' } },
        changed: ['email', 'attributes.course'],
      });
    });

    it('entity.created: fires for a new record of the type with the value, listing the set fields in after', async () => {
      const completed = await subscribe({ events: ['entity.created'], entityType: TYPE, field: 'status', value: 'Completed' });
      const anyNew = await subscribe({ events: ['entity.created'], entityType: TYPE });
      const record = await createRecord({ email: 'a@example.test', attributes: { status: 'Completed' } });
      const other = await createRecord({ attributes: { status: 'Booked' } });
      const deliveries = await deliveriesOf(record.id, 'entity.created');
      expect(deliveries.map((d) => d.payload.subscriptionId).sort()).toEqual([completed.id, anyNew.id].sort());
      expect(deliveries[0]!.payload.record).toEqual({
        entity: expect.objectContaining({ id: record.id, type: TYPE, attributes: { status: 'Completed' } }),
        before: {},
        after: { name: 'Spring course', email: 'a@example.test', 'attributes.status': 'Completed' },
        changed: ['name', 'email', 'attributes.status'],
      });
      expect((await deliveriesOf(other.id, 'entity.created')).map((d) => d.payload.subscriptionId)).toEqual([anyNew.id]);
      // Updates are not creations.
      await patch(other.id, { attributes: { status: 'Completed' } });
      expect(await deliveriesOf(other.id, 'entity.updated')).toEqual([]);
    });

    it('"*" does not wake a flow for record changes', async () => {
      await subscribe({ events: ['*'] });
      const record = await createRecord({ attributes: { status: 'Booked' } });
      await patch(record.id, { attributes: { status: 'Completed' } });
      expect(await deliveriesOf(record.id, 'entity.created')).toEqual([]);
      expect(await deliveriesOf(record.id, 'entity.updated')).toEqual([]);
    });

    it('reports changes made by a launch (POST /instances) and by the entity upsert (POST /entities)', async () => {
      await subscribe({ events: ['entity.updated'], entityType: TYPE, field: 'status', value: 'Completed' });
      const process = await insertPublishedProcess(t, { entityTypes: [TYPE] });
      const record = await createRecord({ attributes: { status: 'Booked' } });
      const launch = (status: string) =>
        t.automation.post('/instances').send({ processKey: process.key, entity: { type: TYPE, externalId: record.externalId, attributes: { status } } });
      expect((await launch('Completed')).status).toBe(201);
      const [launched] = await deliveriesOf(record.id, 'entity.updated');
      expect(launched!.payload.record).toMatchObject({ before: { 'attributes.status': 'Booked' }, after: { 'attributes.status': 'Completed' } });
      expect((await launch('Completed')).status).toBe(201);
      expect(await deliveriesOf(record.id, 'entity.updated')).toHaveLength(1);

      await t.automation.post('/entities').send({ type: TYPE, externalId: record.externalId, attributes: { status: 'Booked' } }).expect(200);
      await t.automation.post('/entities').send({ type: TYPE, externalId: record.externalId, attributes: { status: 'Completed' } }).expect(200);
      expect(await deliveriesOf(record.id, 'entity.updated')).toHaveLength(2);
    });
  });
});
