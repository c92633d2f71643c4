import { EntityRelationTable, EntityTable, EventTable, InstanceTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

const courseDate = (n: string, attributes: Record<string, unknown> = {}) => ({
  type: 'course-date',
  externalId: `CD-${n}`,
  name: `Java Basics ${n}`,
  attributes: { startDate: '2027-03-01', ...attributes },
});
const booking = (n: string, extra: Record<string, unknown> = {}) => ({
  type: 'booking',
  externalId: `B-REL-${n}`,
  name: `Delegate ${n}`,
  email: `delegate-${n.toLowerCase()}@example.test`,
  ...extra,
});

describe('related records', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.admin.post('/entity-types').send({ key: 'course-date', name: 'Course date' }).expect(201);
    await t.admin.post('/processes').send({ key: 'rel-bookings', name: 'Bookings', entityTypes: ['booking'], stages: [{ key: 'booked', name: 'Booked' }] }).expect(201);
    await t.admin.post('/processes/rel-bookings/publish').expect(200);
  });
  afterAll(() => t.close());

  const upsert = (body: Record<string, unknown>) => t.automation.post('/entities').send(body);
  const counts = () =>
    t.db.read(async () => ({
      entities: await t.db.manager.count(EntityTable),
      relations: await t.db.manager.count(EntityRelationTable),
      instances: await t.db.manager.count(InstanceTable),
      events: await t.db.manager.count(EventTable),
    }));

  it('links a booking to its course date on upsert and lists the link both ways', async () => {
    const date = (await upsert(courseDate('A')).expect(201)).body;
    const b1 = (await upsert(booking('A1', { relations: { courseDate: { type: 'course-date', externalId: 'CD-A' } } })).expect(201)).body;
    const b2 = (await upsert(booking('A2', { relations: { courseDate: { id: date.id } } })).expect(201)).body;

    const fromBooking = (await t.automation.get(`/entities/${b1.id}/related`).expect(200)).body;
    expect(fromBooking.outgoing).toEqual([{ name: 'courseDate', entity: expect.objectContaining({ id: date.id, externalId: 'CD-A', name: 'Java Basics A' }) }]);
    expect(fromBooking.incoming).toEqual([]);

    const fromDate = (await t.automation.get(`/entities/${date.id}/related`).expect(200)).body;
    expect(fromDate.incoming.map((r: { name: string; entity: { id: string } }) => [r.name, r.entity.id])).toEqual([
      ['courseDate', b1.id],
      ['courseDate', b2.id],
    ]);
    expect(fromDate.incomingTotal).toBe(2);
  });

  it('filters incoming links by name, type and a skipped field value, and pages them', async () => {
    const date = (await upsert(courseDate('F')).expect(201)).body;
    for (const [n, status] of [['F1', 'booked'], ['F2', 'cancelled'], ['F3', 'booked']]) {
      await upsert(booking(n!, { attributes: { status }, relations: { courseDate: { type: 'course-date', externalId: 'CD-F' } } })).expect(201);
    }
    const live = (await t.automation.get(`/entities/${date.id}/related?name=courseDate&type=booking&skipField=status&skipValue=cancelled`).expect(200)).body;
    expect(live.incoming.map((r: { entity: { externalId: string } }) => r.entity.externalId)).toEqual(['B-REL-F1', 'B-REL-F3']);
    expect(live.incomingTotal).toBe(2);
    const firstOnly = (await t.automation.get(`/entities/${date.id}/related?limit=1`).expect(200)).body;
    expect(firstOnly.incoming).toHaveLength(1);
    expect(firstOnly.incomingTotal).toBe(3);
    expect((await t.automation.get(`/entities/${date.id}/related?name=payer`).expect(200)).body.incoming).toEqual([]);
    const bad = await t.automation.get(`/entities/${date.id}/related?skipField=externalId&skipValue=x`).expect(400);
    expect(bad.body.details[0].field).toBe('skipField');
  });

  it('moves a link with PUT, removes it with DELETE, and records each change once', async () => {
    const a = (await upsert(courseDate('M1')).expect(201)).body;
    const b = (await upsert(courseDate('M2')).expect(201)).body;
    const bk = (await upsert(booking('M', { relations: { courseDate: { id: a.id } } })).expect(201)).body;
    const moved = (await t.automation.put(`/entities/${bk.id}/relations/courseDate`).send({ type: 'course-date', externalId: 'CD-M2' }).expect(200)).body;
    expect(moved.outgoing[0].entity.id).toBe(b.id);
    // The same link again changes nothing and records nothing.
    const before = await counts();
    await t.automation.put(`/entities/${bk.id}/relations/courseDate`).send({ id: b.id }).expect(200);
    expect(await counts()).toEqual(before);
    expect((await t.automation.get(`/entities/${a.id}/related`).expect(200)).body.incoming).toEqual([]);
    const removed = (await t.automation.delete(`/entities/${bk.id}/relations/courseDate`).expect(200)).body;
    expect(removed.outgoing).toEqual([]);
    const events = await t.db.read(() => t.db.manager.find(EventTable, { where: { type: 'entity.related', entityId: bk.id }, order: { seq: 'ASC' } }));
    expect(events.map((e) => (e.data as { to: { externalId: string } | null }).to?.externalId ?? null)).toEqual(['CD-M1', 'CD-M2', null]);
  });

  it('refuses a link to a record that does not exist with 400 naming the relation, and writes nothing', async () => {
    const before = await counts();
    const res = await upsert(booking('X', { relations: { courseDate: { type: 'course-date', externalId: 'CD-NOPE' } } })).expect(400);
    expect(res.body.details).toEqual([{ field: 'relations.courseDate', messages: ['there is no course-date record "CD-NOPE": create that record first'] }]);
    expect(await counts()).toEqual(before);
  });

  it('refuses bad relation shapes with 400 naming each', async () => {
    const res = await upsert(booking('Y', { relations: { 'bad name': { id: 'x' }, courseDate: { type: 'course-date' }, payer: 'P-1' } })).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['relations.bad name', 'relations.courseDate', 'relations.payer']);
    expect(res.body.details.find((d: { field: string }) => d.field === 'relations.courseDate').messages[0]).toContain('externalId');
  });

  it('sets relations from a launch, and refuses a launch whose related record is missing before writing anything', async () => {
    await upsert(courseDate('L')).expect(201);
    const launched = await t.automation
      .post('/instances')
      .send({ processKey: 'rel-bookings', entity: booking('L1', { relations: { courseDate: { type: 'course-date', externalId: 'CD-L' } } }) })
      .expect(201);
    const related = (await t.automation.get(`/entities/${launched.body.entity.id}/related`).expect(200)).body;
    expect(related.outgoing[0]).toMatchObject({ name: 'courseDate', entity: { externalId: 'CD-L' } });

    const before = await counts();
    const refused = await t.automation
      .post('/instances')
      .send({ processKey: 'rel-bookings', entity: booking('L2', { relations: { courseDate: { type: 'course-date', externalId: 'CD-MISSING' } } }) })
      .expect(400);
    expect(refused.body.details[0].field).toBe('entity.relations.courseDate');
    expect(await counts()).toEqual(before);
  });

  it('refuses a record related to itself, and answers 404 for an unknown record', async () => {
    const date = (await upsert(courseDate('S')).expect(201)).body;
    await t.automation.put(`/entities/${date.id}/relations/parent`).send({ id: date.id }).expect(400);
    await t.automation.get('/entities/00000000-0000-4000-8000-000000000000/related').expect(404);
    await t.automation.put('/entities/nope/relations/courseDate').send({ id: date.id }).expect(404);
  });

  it('drops the links of a deleted record with it', async () => {
    const date = (await upsert(courseDate('D')).expect(201)).body;
    const bk = (await upsert(booking('D', { relations: { courseDate: { id: date.id } } })).expect(201)).body;
    await t.db.transaction(() => t.db.manager.delete(EntityTable, { id: date.id }));
    expect((await t.automation.get(`/entities/${bk.id}/related`).expect(200)).body.outgoing).toEqual([]);
  });
});
