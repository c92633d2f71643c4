import { EntityTable, EventTable, InstanceTable, OutboxTable, ProcessTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

const INTAKE = [
  { path: 'data.courseStart', label: 'Course start', type: 'date', required: true, help: 'First day of the course' },
  { path: 'data.seats', label: 'Seats', type: 'number', required: true },
  { path: 'data.mode', label: 'Mode', type: 'choice', required: true, options: ['online', 'classroom'] },
  { path: 'entity.email', label: 'Delegate email', type: 'email', required: true },
  { path: 'data.paid', label: 'Paid', type: 'boolean' },
  { path: 'data.course.title', label: 'Course title', type: 'text' },
  { path: 'data.certificate', label: 'Certificate', type: 'file' },
  { path: 'entity.attributes.billingEmail', label: 'Billing email', type: 'email' },
];

const BOOKING_PROCESS = {
  key: 'course-booking',
  name: 'Course booking',
  entityTypes: ['booking'],
  stages: [{ key: 'booked', name: 'Booked' }],
  intake: INTAKE,
};

const VALID_DATA = { courseStart: '2026-12-01', seats: 2, mode: 'online' };
const booking = (n: number | string, extra: Record<string, unknown> = {}) => ({
  type: 'booking',
  externalId: `B-${n}`,
  name: `Booking ${n}`,
  email: `delegate${n}@example.test`,
  ...extra,
});

describe('intake', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.admin.post('/processes').send(BOOKING_PROCESS).expect(201);
    await t.admin.post(`/processes/${BOOKING_PROCESS.key}/publish`).expect(200);
  });
  afterAll(() => t.close());

  /** Every table a launch writes to; a refused launch must leave all of them as they were. */
  const written = () =>
    t.db.read(async () => ({
      entities: await t.db.manager.count(EntityTable),
      instances: await t.db.manager.count(InstanceTable),
      events: await t.db.manager.count(EventTable),
      outbox: await t.db.manager.count(OutboxTable),
    }));
  const upsertEntity = (body: Record<string, unknown>) => t.automation.post('/entities').send(body).expect(201);
  const launch = (body: Record<string, unknown>) => t.automation.post('/instances').send({ processKey: BOOKING_PROCESS.key, ...body });

  describe('declared on a process', () => {
    it('is returned as declared, with required spelled out', async () => {
      const res = await t.automation.get(`/processes/${BOOKING_PROCESS.key}`).expect(200);
      expect(res.body.intake).toEqual(INTAKE.map((field) => ({ required: false, ...field })));
    });

    it('is part of the draft: edits are recorded, copied into the next draft, and frozen on publish', async () => {
      const key = 'intake-drafts';
      const first = [{ path: 'data.a', label: 'A', type: 'text', required: true }];
      const created = await t.admin.post('/processes').send({ ...BOOKING_PROCESS, key, intake: first }).expect(201);
      expect(created.body.intake).toEqual(first);
      await t.admin.post(`/processes/${key}/publish`).expect(200);
      const draft = await t.admin.post(`/processes/${key}/draft`).expect(201);
      expect(draft.body.intake).toEqual(first);

      const second = [...first, { path: 'data.b', label: 'B', type: 'number', required: true }];
      const edited = await t.admin.patch(`/processes/${key}/draft`).send({ intake: second }).expect(200);
      expect(edited.body.intake).toEqual(second);
      const events = await t.db.read(() => t.db.manager.find(EventTable, { where: { type: 'process.draft_updated' } }));
      expect(events.filter((e) => e.data.key === key).map((e) => e.data.fields)).toEqual([['intake']]);

      // Launches keep running on v1 until v2 is published.
      await t.automation.post('/instances').send({ processKey: key, entity: booking('drafts-1'), data: { a: 'x' } }).expect(201);
      await t.admin.patch(`/processes/${key}/versions/1`).send({ intake: [] }).expect(409);
      await t.admin.post(`/processes/${key}/publish`).expect(200);
      const refused = await t.automation.post('/instances').send({ processKey: key, entity: booking('drafts-2'), data: { a: 'x' } }).expect(400);
      expect(refused.body.message).toBe('intake: 1 field is missing or invalid: data.b is required');
      const v1 = await t.automation.get(`/processes/${key}/versions/1`).expect(200);
      expect(v1.body.intake).toEqual(first);
    });

    it('refuses a definition with a bad path, a duplicate path or a choice without options, naming each field and writing nothing', async () => {
      const key = 'intake-bad';
      const res = await t.admin
        .post('/processes')
        .send({
          ...BOOKING_PROCESS,
          key,
          intake: [
            { path: 'courseStart', label: 'Start', type: 'date' },
            { path: 'data.seats', label: 'Seats', type: 'number' },
            { path: 'data.seats', label: 'Seats again', type: 'number' },
            { path: 'data.mode', label: 'Mode', type: 'choice' },
            { path: 'data.size', label: 'Size', type: 'choice', options: ['s', 'm', 's'] },
            { path: 'data.note', label: 'Note', type: 'text', options: ['x'] },
            { path: 'entity.type', label: 'Type', type: 'text' },
          ],
        })
        .expect(400);
      expect(res.body.details).toEqual([
        { field: 'intake[0].path', messages: [expect.stringMatching(/^must be data\.<key>, entity\.name, entity\.email, entity\.managerEmail or entity\.attributes\.<key>/)] },
        { field: 'intake[2].path', messages: ['"data.seats" is already used by intake[1]'] },
        { field: 'intake[3].options', messages: ['a "choice" field needs at least one option'] },
        { field: 'intake[4].options[2]', messages: ['"s" is already used by options[0]'] },
        { field: 'intake[5].options', messages: ['only a "choice" field has options; this one is "text"'] },
        { field: 'intake[6].path', messages: [expect.stringMatching(/^must be data\.<key>/)] },
      ]);
      expect(res.body.message).toContain('intake[2].path: "data.seats" is already used by intake[1]');
      expect(await t.db.read(() => t.db.manager.countBy(ProcessTable, { key }))).toBe(0);
    });

    it('refuses malformed fields with field-level 400s, never a 500', async () => {
      const tooMany = Array.from({ length: 101 }, (_, i) => ({ path: `data.f${i}`, label: `F${i}`, type: 'text' }));
      const cases: Array<[unknown, string[]]> = [
        [[{ path: 'data.a', label: '', type: 'text' }], ['intake[0].label']],
        [[{ path: 'data.a', label: 'x'.repeat(201), type: 'text' }], ['intake[0].label']],
        [[{ path: 'data.a', label: 'A', type: 'text', help: 'x'.repeat(1001) }], ['intake[0].help']],
        [[{ path: 'data.a', label: 'A', type: 'colour' }], ['intake[0].type']],
        [[{ path: 'data.a', label: 'A', type: 'text', required: 'yes' }], ['intake[0].required']],
        [[{ path: 'data.a', label: 'A', type: 'choice', options: [1, 2] }], ['intake[0].options']],
        [[{ path: 42, label: 'A', type: 'text' }], ['intake[0].path']],
        [[{ path: 'data.a', label: 'A', type: 'text', extra: 1 }], ['intake[0].extra']],
        [['data.a'], ['intake[0]']],
        [tooMany, ['intake']],
        ['data.a', ['intake']],
        [null, ['intake']],
      ];
      for (const [intake, fields] of cases) {
        const res = await t.admin.post('/processes').send({ ...BOOKING_PROCESS, key: 'intake-malformed', intake });
        expect({ intake, status: res.status }).toEqual({ intake, status: 400 });
        expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(fields));
      }
    });
  });

  describe('checked at launch', () => {
    it('refuses a launch that lacks required fields with 400 naming every one, and writes nothing', async () => {
      const before = await written();
      const res = await launch({ entity: booking(1, { email: undefined }), data: { seats: 2 } }).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message:
          'intake: 3 fields are missing or invalid: data.courseStart is required; data.mode is required; entity.email is required',
        details: [
          { field: 'data.courseStart', messages: ['is required'] },
          { field: 'data.mode', messages: ['is required'] },
          { field: 'entity.email', messages: ['is required'] },
        ],
      });
      expect(await written()).toEqual(before);
      await t.automation.get('/entities?type=booking&q=B-1').expect(200).expect((r) => expect(r.body.total).toBe(0));
    });

    it('counts null, blank text and empty objects as missing', async () => {
      const res = await launch({ entity: booking(2), data: { courseStart: '  ', seats: null, mode: '', certificate: {} } }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['data.courseStart', 'data.seats', 'data.mode']);
    });

    it('gives each wrong type its own message', async () => {
      const before = await written();
      const res = await launch({
        entity: booking(3, { attributes: { billingEmail: 'accounts' } }),
        data: { courseStart: '2026-02-30', seats: '2', mode: 'by post', paid: 'yes', course: { title: 7 }, certificate: 12 },
      }).expect(400);
      expect(res.body.details).toEqual([
        { field: 'data.courseStart', messages: ['must be an ISO date (2026-05-01) or date-time (2026-05-01T09:00:00Z)'] },
        { field: 'data.seats', messages: ['must be a number (a JSON number such as 42; "42" in quotes is text)'] },
        { field: 'data.mode', messages: ['must be one of "online", "classroom"'] },
        { field: 'data.paid', messages: ['must be true or false (a JSON boolean; "true" in quotes is text)'] },
        { field: 'data.course.title', messages: ['must be text (a JSON string)'] },
        { field: 'data.certificate', messages: ['must be a file: an object such as { "name": "report.pdf", "mimeType": "application/pdf" } or a file id'] },
        { field: 'entity.attributes.billingEmail', messages: ['must be an email address'] },
      ]);
      expect(res.body.message).toMatch(/^intake: 7 fields are missing or invalid: data\.courseStart must be an ISO date/);
      expect(res.body.message).toContain('entity.attributes.billingEmail must be an email address');
      expect(await written()).toEqual(before);
    });

    it('starts a case that brings everything with 201', async () => {
      const data = { ...VALID_DATA, courseStart: '2026-12-01T09:00:00+01:00', paid: false, course: { title: 'Welding' }, certificate: { name: 'c.pdf', mimeType: 'application/pdf', size: 10 } };
      const res = await launch({ entity: booking(4, { attributes: { billingEmail: 'ap@example.test' } }), data }).expect(201);
      expect(res.body).toMatchObject({ processKey: BOOKING_PROCESS.key, status: 'active', data, entity: { externalId: 'B-4' } });
    });

    it('reads entity fields as the upsert will leave them: the stored entity under the launch body', async () => {
      await upsertEntity(booking(5));
      // The body leaves email out; the stored one counts.
      await launch({ entity: { type: 'booking', externalId: 'B-5' }, data: VALID_DATA }).expect(201);
      // The body clears it: the case would have none.
      const cleared = await launch({ entity: { type: 'booking', externalId: 'B-5', email: null }, data: VALID_DATA }).expect(400);
      expect(cleared.body.details).toEqual([{ field: 'entity.email', messages: ['is required'] }]);
      const stored = await t.automation.get('/entities?type=booking&q=B-5').expect(200);
      expect(stored.body.items[0].email).toBe('delegate5@example.test');
    });

    it('reads a stored entity launched by entityId', async () => {
      const noEmail = await upsertEntity(booking(6, { email: null }));
      const before = await written();
      const res = await launch({ entityId: noEmail.body.id, data: VALID_DATA }).expect(400);
      expect(res.body.message).toBe('intake: 1 field is missing or invalid: entity.email is required');
      expect(await written()).toEqual(before);
      const withEmail = await upsertEntity(booking(7));
      await launch({ entityId: withEmail.body.id, data: VALID_DATA }).expect(201);
    });

    it('answers a repeated idempotency key with the existing case (200) even when the repeat lacks the fields', async () => {
      const first = await launch({ entity: booking(8), data: VALID_DATA, idempotencyKey: 'webhook-8' }).expect(201);
      const before = await written();
      const again = await launch({ entity: { type: 'booking', externalId: 'B-8' }, idempotencyKey: 'webhook-8' }).expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.data).toEqual(VALID_DATA);
      expect(await written()).toEqual(before);
      // A new key with the same thin body is a new case, and is refused.
      await launch({ entity: { type: 'booking', externalId: 'B-8' }, idempotencyKey: 'webhook-9' }).expect(400);
    });

    it('does not check an attach to an existing case', async () => {
      const created = await launch({ entity: booking(10), data: VALID_DATA }).expect(201);
      const attached = await launch({ instanceId: created.body.id, n8nExecutionId: '901' }).expect(200);
      expect(attached.body).toMatchObject({ id: created.body.id, n8nExecutionId: '901' });
    });

    it('checks the entity type before the intake', async () => {
      const res = await launch({ entity: { type: 'student', externalId: 'S-1' } }).expect(400);
      expect(res.body.message).toMatch(/starts only for booking/);
    });
  });
});
