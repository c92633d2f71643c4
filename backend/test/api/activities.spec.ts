import { StallSweep } from '../../src/scheduler/stall-sweep';
import { launchInStage, setUpOfficeProcess } from '../scheduler/office-process';
import type { TestApp } from '../support/test-app';
import { deliver, Mailbox, reviewerIn, startAppWithMailbox, to } from './notifications.fixtures';

const MONDAY_1000_LONDON = Date.UTC(2026, 10, 2, 10, 0); // GMT in November; the test app's sessions began at 09:00
const at = (hours: number): string => new Date(MONDAY_1000_LONDON + hours * 3_600_000).toISOString();

describe('activities and My agenda', () => {
  let t: TestApp;
  let mailbox: Mailbox;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, mailbox, close } = await startAppWithMailbox());
    await setUpOfficeProcess(t.admin, { key: 'agenda', queues: [{ key: 'advisors' }, { key: 'elsewhere' }], stages: [{ key: 'review', name: 'Review', ownerQueue: 'advisors', stallAfterMinutes: 60 }] });
    t.clock.set(MONDAY_1000_LONDON);
  });
  afterAll(() => close());

  describe('on a case', () => {
    it('adds a follow-up for a colleague, shows it on the case and its timeline, and emails only the colleague', async () => {
      const ann = await reviewerIn(t, ['advisors'], 'Ann');
      const bob = await reviewerIn(t, ['elsewhere'], 'Bob');
      const { instance } = await launchInStage(t.automation, 'agenda', 'review', 'a1', 'advisors');
      await deliver(t, mailbox);

      const created = await ann.client
        .post(`/instances/${instance.id}/activities`)
        .send({ kind: 'follow-up', title: 'Call the student back', note: 'About the transcript', dueAt: at(24), assigneeId: bob.id })
        .expect(201);
      expect(created.body).toMatchObject({ kind: 'follow-up', status: 'open', overdue: false, dueAt: at(24), assignee: { id: bob.id, name: 'Bob' }, createdBy: { id: ann.id } });

      const mails = await deliver(t, mailbox);
      expect(to(mails, bob.email)).toHaveLength(1);
      expect(to(mails, bob.email)[0]!.subject).toBe('Call the student back (follow-up from Ann)');
      expect(to(mails, bob.email)[0]!.body).toContain(`${t.config.publicUrl}/instances/${instance.id}`);
      expect(to(mails, ann.email)).toHaveLength(0);

      // Bob is in no queue of the case, yet the follow-up put on him opens it to him.
      const detail = await bob.client.get(`/instances/${instance.id}`).expect(200);
      expect(detail.body.activities.map((a: { title: string }) => a.title)).toEqual(['Call the student back']);
      const event = detail.body.timeline.find((e: { type: string }) => e.type === 'activity.created');
      expect(event.data).toMatchObject({ kind: 'follow-up', title: 'Call the student back', assigneeName: 'Bob', dueAt: at(24) });
    });

    it('refuses times that do not fit the kind, an unknown colleague and a case out of sight, writing nothing', async () => {
      const ann = await reviewerIn(t, ['advisors'], 'Ann');
      const stranger = await reviewerIn(t, ['elsewhere'], 'Sam');
      const { instance } = await launchInStage(t.automation, 'agenda', 'review', 'a2', 'advisors');
      const post = (body: Record<string, unknown>, client = ann.client) => client.post(`/instances/${instance.id}/activities`).send(body);

      expect((await post({ kind: 'follow-up', title: 'No date' }).expect(400)).body.message).toBe('dueAt: a follow-up needs a due time');
      expect((await post({ kind: 'event', title: 'Meeting', startAt: at(2), endAt: at(1) }).expect(400)).body.message).toBe('endAt: must be after startAt');
      expect((await post({ kind: 'event', title: 'Meeting', dueAt: at(2) }).expect(400)).body.message).toContain('startAt: an event needs a start');
      expect((await post({ kind: 'to-do', title: 'x', startAt: at(1) }).expect(400)).body.message).toMatch(/^startAt: a to-do has a due time/);
      expect((await post({ kind: 'meeting', title: 'x' }).expect(400)).body.message).toMatch(/kind/);
      expect((await post({ kind: 'to-do', title: '' }).expect(400)).body.message).toMatch(/title/);
      expect((await post({ kind: 'to-do', title: 'x', assigneeId: '00000000-0000-4000-8000-00000000dead' }).expect(400)).body.message).toMatch(/assigneeId: no active user/);
      await post({ kind: 'to-do', title: 'Peek' }, stranger.client).expect(403);
      await t.automation.post(`/instances/${instance.id}/activities`).send({ kind: 'to-do', title: 'Nobody' }).expect(400);

      const listed = await t.admin.get(`/instances/${instance.id}/activities`).expect(200);
      expect(listed.body).toEqual([]);
    });

    it('moves, completes, reopens and cancels like a task, by its owner or creator only, each step on the timeline', async () => {
      const ann = await reviewerIn(t, ['advisors'], 'Ann');
      const carl = await reviewerIn(t, ['advisors'], 'Carl');
      const { instance } = await launchInStage(t.automation, 'agenda', 'review', 'a3', 'advisors');
      const event = await ann.client
        .post(`/instances/${instance.id}/activities`)
        .send({ kind: 'event', title: 'Meet the family', startAt: at(26), endAt: at(27) })
        .expect(201);
      const id = event.body.id as string;

      await carl.client.post(`/activities/${id}/complete`).expect(403);
      const moved = await ann.client.patch(`/activities/${id}`).send({ startAt: at(50), endAt: at(51) }).expect(200);
      expect(moved.body).toMatchObject({ startAt: at(50), endAt: at(51), status: 'open' });
      await ann.client.patch(`/activities/${id}`).send({ endAt: at(49) }).expect(400);
      const done = await ann.client.post(`/activities/${id}/complete`).expect(200);
      expect(done.body).toMatchObject({ status: 'done', completedBy: { id: ann.id } });
      await ann.client.post(`/activities/${id}/complete`).expect(409);
      await ann.client.patch(`/activities/${id}`).send({ title: 'Too late' }).expect(409);
      await ann.client.post(`/activities/${id}/reopen`).expect(200);
      const cancelled = await ann.client.delete(`/activities/${id}`).expect(200);
      expect(cancelled.body.status).toBe('cancelled');

      const timeline = (await t.admin.get(`/instances/${instance.id}`).expect(200)).body.timeline as Array<{ type: string; data: Record<string, unknown> }>;
      expect(timeline.filter((e) => e.type.startsWith('activity.')).map((e) => e.type)).toEqual([
        'activity.created',
        'activity.updated',
        'activity.completed',
        'activity.reopened',
        'activity.cancelled',
      ]);
      expect(timeline.find((e) => e.type === 'activity.updated')!.data.changed).toEqual(['startAt', 'endAt']);
    });
  });

  describe('My agenda', () => {
    it("lists by the user's days everything that is theirs, overdue first, and nothing of anyone else's", async () => {
      const dee = await reviewerIn(t, ['advisors'], 'Dee');
      const eve = await reviewerIn(t, ['advisors'], 'Eve');
      await dee.client.put('/me/notification-preferences').send({ timeZone: 'Europe/London' }).expect(200);
      const first = await launchInStage(t.automation, 'agenda', 'review', 'g1', 'advisors', { dueAt: at(-2) });
      const second = await launchInStage(t.automation, 'agenda', 'review', 'g2', 'advisors', { dueAt: at(3) });
      await dee.client.post(`/tasks/${first.task!.id}/claim`).expect(200);
      await dee.client.post(`/tasks/${second.task!.id}/claim`).expect(200);
      const add = (body: Record<string, unknown>, client = dee.client) => client.post(`/instances/${first.instance.id}/activities`).send(body).expect(201);
      await add({ kind: 'follow-up', title: 'Late one', dueAt: at(14) }); // midnight: Tuesday in London
      await add({ kind: 'event', title: 'Panel', startAt: at(48), endAt: at(49) });
      await add({ kind: 'to-do', title: 'Whenever' });
      await add({ kind: 'follow-up', title: 'Next month', dueAt: at(24 * 40) });
      const done = await add({ kind: 'follow-up', title: 'Done already', dueAt: at(1) });
      await dee.client.post(`/activities/${done.body.id}/complete`).expect(200);
      await add({ kind: 'follow-up', title: "Eve's", dueAt: at(1) }, eve.client);

      const agenda = (await dee.client.get('/me/agenda').expect(200)).body;
      expect(agenda).toMatchObject({ timeZone: 'Europe/London', from: '2026-11-02', to: '2026-11-15' });
      expect(agenda.overdue.map((i: { title: string; type: string; overdue: boolean }) => [i.type, i.title, i.overdue])).toEqual([['task', 'Review g1', true]]);
      expect(agenda.days.map((d: { date: string; items: Array<{ title: string }> }) => [d.date, d.items.map((i) => i.title)])).toEqual([
        ['2026-11-02', ['Review g2']],
        ['2026-11-03', ['Late one']],
        ['2026-11-04', ['Panel']],
      ]);
      expect(agenda.undated.map((i: { title: string }) => i.title)).toEqual(['Whenever']);
      const panel = agenda.days[2].items[0];
      expect(panel).toMatchObject({ type: 'event', at: at(48), endAt: at(49), caseName: 'Student g1', processKey: 'agenda', link: `/instances/${first.instance.id}` });
      expect(agenda.days[0].items[0].link).toBe(`/tasks/${second.task!.id}`);

      const later = (await dee.client.get('/me/agenda?from=2026-12-01&days=31').expect(200)).body;
      expect(later.days.map((d: { date: string }) => d.date)).toEqual(['2026-12-12']);
      await dee.client.get('/me/agenda?from=03/11/2026').expect(400);
      await dee.client.get('/me/agenda?days=100').expect(400);
      await t.automation.get('/me/agenda').expect(403);
    });
  });

  describe('stall badges', () => {
    it('marks the tasks and records of a stalled open case, and not of one that has not sat long', async () => {
      const stalled = await launchInStage(t.automation, 'agenda', 'review', 'st1', 'advisors');
      t.clock.set(MONDAY_1000_LONDON + 61 * 60_000);
      const fresh = await launchInStage(t.automation, 'agenda', 'review', 'st2', 'advisors');
      await t.app.get(StallSweep).run();

      const tasks = (await t.admin.get('/tasks?limit=500').expect(200)).body.items as Array<{ id: string; stalledAt: string | null }>;
      expect(tasks.find((row) => row.id === stalled.task!.id)!.stalledAt).toBe(new Date(MONDAY_1000_LONDON + 61 * 60_000).toISOString());
      expect(tasks.find((row) => row.id === fresh.task!.id)!.stalledAt).toBeNull();
      const records = (await t.admin.get('/entities?q=Student st').expect(200)).body.items as Array<{ name: string; stalled: boolean }>;
      expect(Object.fromEntries(records.map((row) => [row.name, row.stalled]))).toEqual({ 'Student st1': true, 'Student st2': false });
      t.clock.set(MONDAY_1000_LONDON);
    });
  });
});
