import { ManualClock } from '../../src/common/clock';
import { CalendarTable, EventTable } from '../../src/database/tables';
import { startTestApp, TestApp } from '../support/test-app';

describe('calendars', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const office = {
    mon: [['09:00', '12:30'], ['13:30', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '16:00']],
    sat: [],
    sun: [],
  };
  const calendar = (key: string, extra: Record<string, unknown> = {}) => ({
    key,
    name: `Calendar ${key}`,
    timeZone: 'Europe/London',
    workingHours: office,
    holidays: ['2026-12-25', '2026-12-26'],
    ...extra,
  });

  const eventsFor = (type: string, calendarId: string): Promise<EventTable[]> =>
    t.db.read(async () => (await t.db.manager.find(EventTable, { where: { type } })).filter((e) => e.data.calendarId === calendarId));

  const fieldsOf = (body: { details: Array<{ field: string }> }): string[] => body.details.map((d) => d.field);

  describe('POST /calendars', () => {
    it('creates a calendar, keeps working hours and holidays, and records calendar.created', async () => {
      const res = await t.admin.post('/calendars').send(calendar('uk-office', { holidays: ['2026-12-26', '2026-12-25', '2026-12-25'] })).expect(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        key: 'uk-office',
        name: 'Calendar uk-office',
        timeZone: 'Europe/London',
        workingHours: office,
        holidays: ['2026-12-25', '2026-12-26'],
        createdAt: '2026-11-02T09:00:00.000Z',
        updatedAt: '2026-11-02T09:00:00.000Z',
      });
      expect(await eventsFor('calendar.created', res.body.id)).toHaveLength(1);
    });

    it('allows "24:00" to end a day', async () => {
      const hours = { ...office, sat: [['18:00', '24:00']] };
      const res = await t.admin.post('/calendars').send(calendar('late-shift', { workingHours: hours })).expect(201);
      expect(res.body.workingHours.sat).toEqual([['18:00', '24:00']]);
    });

    it('refuses a duplicate key with 409', async () => {
      await t.admin.post('/calendars').send(calendar('twice')).expect(201);
      const res = await t.admin.post('/calendars').send(calendar('twice')).expect(409);
      expect(res.body.message).toMatch(/"twice" already exists/);
      await t.admin.post('/calendars').send(calendar('default')).expect(409);
    });

    it('refuses a time zone that is not IANA with 400', async () => {
      const res = await t.admin.post('/calendars').send(calendar('mars', { timeZone: 'Mars/Olympus_Mons' })).expect(400);
      expect(res.body.details).toEqual([{ field: 'timeZone', messages: [expect.stringMatching(/not an IANA time zone/)] }]);
    });

    it('names the exact working-hours range that is wrong', async () => {
      const hours = {
        ...office,
        mon: [['09:00', '17:00'], ['16:00', '18:00']],
        tue: [['17:00', '09:00']],
        wed: [['9am', '5pm']],
        thu: [['24:00', '24:00']],
        fri: ['09:00-17:00'],
      };
      const res = await t.admin.post('/calendars').send(calendar('broken', { workingHours: hours })).expect(400);
      expect(fieldsOf(res.body).sort()).toEqual(['workingHours.fri[0]', 'workingHours.mon', 'workingHours.thu[0]', 'workingHours.tue[0]', 'workingHours.wed[0]']);
      expect(res.body.message).toMatch(/workingHours\.tue\[0\]: must start before it ends/);
    });

    it('needs all seven weekdays and no other keys', async () => {
      const { sun: _sun, ...sixDays } = office;
      const res = await t.admin.post('/calendars').send(calendar('six', { workingHours: { ...sixDays, funday: [] } })).expect(400);
      expect(fieldsOf(res.body).sort()).toEqual(['workingHours.funday', 'workingHours.sun']);
      await t.admin.post('/calendars').send(calendar('list', { workingHours: [] })).expect(400);
    });

    it('refuses holidays that are not real YYYY-MM-DD dates', async () => {
      const res = await t.admin.post('/calendars').send(calendar('hol', { holidays: ['2026-12-25', '25/12/2026', '2026-02-30', 7] })).expect(400);
      expect(fieldsOf(res.body)).toEqual(['holidays[1]', 'holidays[2]', 'holidays[3]']);
    });

    it('writes nothing after a 400', async () => {
      await t.admin.post('/calendars').send(calendar('nothing', { timeZone: 'Nowhere' })).expect(400);
      await t.admin.post('/calendars').send(calendar('Not A Slug')).expect(400);
      expect(await t.db.read(() => t.db.manager.countBy(CalendarTable, { key: 'nothing' }))).toBe(0);
    });

    it('needs the admin permission (403) and credentials (401)', async () => {
      const { client } = await t.createUser('designer');
      await client.post('/calendars').send(calendar('nope')).expect(403);
      await t.automation.post('/calendars').send(calendar('nope')).expect(403);
      await t.anonymous.post('/calendars').send(calendar('nope')).expect(401);
    });
  });

  describe('GET /calendars', () => {
    it('lets any signed-in user or API key read calendars, including the built-in default', async () => {
      const { client } = await t.createUser('viewer');
      const res = await client.get('/calendars?limit=500').expect(200);
      const builtin = res.body.items.find((c: { key: string }) => c.key === 'default');
      expect(builtin).toMatchObject({ timeZone: 'UTC', workingHours: { mon: [['00:00', '24:00']] }, holidays: [] });
      expect((await t.automation.get('/calendars/default').expect(200)).body.id).toBe(builtin.id);
      expect((await client.get(`/calendars/${builtin.id}`).expect(200)).body.key).toBe('default');
      await t.anonymous.get('/calendars').expect(401);
    });

    it('404s for an unknown calendar', async () => {
      const res = await t.admin.get('/calendars/atlantis').expect(404);
      expect(res.body.message).toBe('Calendar "atlantis" does not exist.');
    });
  });

  describe('PATCH /calendars/:idOrKey', () => {
    it('changes only the given fields and records calendar.updated', async () => {
      const created = (await t.admin.post('/calendars').send(calendar('patch-me')).expect(201)).body;
      (t.clock as ManualClock).advance(60_000);
      const res = await t.admin.patch('/calendars/patch-me').send({ timeZone: 'America/New_York', holidays: [] }).expect(200);
      expect(res.body).toMatchObject({ key: 'patch-me', name: created.name, timeZone: 'America/New_York', workingHours: office, holidays: [] });
      expect(res.body.updatedAt).toBe(new Date(t.clock.now()).toISOString());
      expect(res.body.updatedAt).not.toBe(created.updatedAt);
      const [event] = await eventsFor('calendar.updated', created.id);
      expect(event!.data.changed).toEqual(['timeZone', 'holidays']);
    });

    it('refuses bad working hours with 400 and changes nothing', async () => {
      await t.admin.post('/calendars').send(calendar('keep-me')).expect(201);
      const res = await t.admin.patch('/calendars/keep-me').send({ workingHours: { ...office, tue: [['09:00', '25:00']] } }).expect(400);
      expect(fieldsOf(res.body)).toEqual(['workingHours.tue[0]']);
      expect((await t.admin.get('/calendars/keep-me').expect(200)).body.workingHours).toEqual(office);
    });

    it('lets an admin edit the built-in default calendar', async () => {
      const res = await t.admin.patch('/calendars/default').send({ name: 'Always open' }).expect(200);
      expect(res.body.name).toBe('Always open');
    });

    it('404s for an unknown calendar and 403s for a non-admin', async () => {
      await t.admin.patch('/calendars/atlantis').send({ name: 'X' }).expect(404);
      const { client } = await t.createUser('reviewer');
      await client.patch('/calendars/default').send({ name: 'X' }).expect(403);
    });
  });

  describe('DELETE /calendars/:idOrKey', () => {
    it('deletes an unused calendar and records calendar.deleted', async () => {
      const created = (await t.admin.post('/calendars').send(calendar('gone')).expect(201)).body;
      await t.admin.delete(`/calendars/${created.id}`).expect(204);
      await t.admin.get('/calendars/gone').expect(404);
      expect(await eventsFor('calendar.deleted', created.id)).toHaveLength(1);
      await t.admin.delete('/calendars/gone').expect(404);
    });

    it('refuses to delete the built-in default calendar with 409', async () => {
      const res = await t.admin.delete('/calendars/default').expect(409);
      expect(res.body.message).toMatch(/built-in "default" calendar/);
      await t.admin.get('/calendars/default').expect(200);
    });

    it('refuses to delete a calendar a queue uses with 409, and allows it once the queue moves', async () => {
      await t.admin.post('/calendars').send(calendar('in-use')).expect(201);
      await t.admin.post('/queues').send({ key: 'cal-queue', name: 'Q', calendarKey: 'in-use' }).expect(201);
      const res = await t.admin.delete('/calendars/in-use').expect(409);
      expect(res.body.message).toMatch(/used by queue "cal-queue"/);
      await t.admin.get('/calendars/in-use').expect(200);
      await t.admin.patch('/queues/cal-queue').send({ calendarKey: 'default' }).expect(200);
      await t.admin.delete('/calendars/in-use').expect(204);
    });

    it('needs the admin permission', async () => {
      await t.admin.post('/calendars').send(calendar('guarded')).expect(201);
      const { client } = await t.createUser('designer');
      await client.delete('/calendars/guarded').expect(403);
    });
  });
});
