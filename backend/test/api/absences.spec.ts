import { AbsenceStartSweep } from '../../src/absences/absence-start-sweep';
import { launchInStage, setUpOfficeProcess } from '../scheduler/office-process';
import type { TestApp } from '../support/test-app';
import { deliver, Mailbox, reviewerIn, startAppWithMailbox, to } from './notifications.fixtures';

const NOW = Date.UTC(2026, 10, 2, 10, 0);
const hoursFromNow = (hours: number): string => new Date(NOW + hours * 3_600_000).toISOString();

describe('absence with a delegate', () => {
  let t: TestApp;
  let mailbox: Mailbox;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, mailbox, close } = await startAppWithMailbox());
    await setUpOfficeProcess(t.admin, { key: 'cover', queues: [{ key: 'desk' }, { key: 'other' }], stages: [{ key: 'review', name: 'Review', ownerQueue: 'desk' }] });
  });
  beforeEach(() => t.clock.set(NOW));
  afterAll(() => close());

  it('hands the absent person’s open tasks to the delegate when the absence begins, audited, and the delegate is told', async () => {
    const ann = await reviewerIn(t, ['desk'], 'Ann');
    const bob = await reviewerIn(t, ['desk'], 'Bob');
    const { task } = await launchInStage(t.automation, 'cover', 'review', 'c1', 'desk');
    await ann.client.post(`/tasks/${task!.id}/claim`).expect(200);
    await deliver(t, mailbox);

    const set = await ann.client.put('/me/absence').send({ from: hoursFromNow(2), until: hoursFromNow(48), delegateId: bob.id, note: 'Leave' }).expect(200);
    expect(set.body.absence).toMatchObject({ delegate: { id: bob.id, name: 'Bob' }, active: false, note: 'Leave' });
    await t.app.get(AbsenceStartSweep).run();
    expect((await t.admin.get(`/tasks/${task!.id}`).expect(200)).body.assignee.id).toBe(ann.id);

    t.clock.set(NOW + 2 * 3_600_000);
    expect(await t.app.get(AbsenceStartSweep).run()).toBe(1);
    expect(await t.app.get(AbsenceStartSweep).run()).toBe(0);
    const moved = await t.admin.get(`/tasks/${task!.id}`).expect(200);
    expect(moved.body).toMatchObject({ status: 'claimed', assignee: { id: bob.id } });
    const events = (await t.admin.get(`/instances/${moved.body.instanceId}`).expect(200)).body.timeline as Array<{ type: string; data: Record<string, unknown> }>;
    expect(events.find((e) => e.type === 'task.delegated')!.data).toMatchObject({ from: ann.id, to: bob.id, reason: 'absence' });
    const mails = await deliver(t, mailbox);
    expect(to(mails, bob.email).map((m) => m.subject)).toEqual(['Assigned to you: Review c1']);
    expect(to(mails, ann.email)).toEqual([]);
    expect((await ann.client.get('/me/absence').expect(200)).body.absence.active).toBe(true);
    const people = (await ann.client.get('/people').expect(200)).body as Array<{ id: string; away: unknown }>;
    expect(people.find((p) => p.id === ann.id)!.away).toEqual({ until: hoursFromNow(48), delegate: { id: bob.id, name: 'Bob' } });
  });

  it('sends work assigned to someone away, and their notifications, to the delegate, each once, saying for whom', async () => {
    const cat = await reviewerIn(t, ['desk'], 'Cat');
    const dan = await reviewerIn(t, ['desk'], 'Dan');
    const eli = await reviewerIn(t, ['desk'], 'Eli');
    await cat.client.put('/me/absence').send({ from: hoursFromNow(-1), until: hoursFromNow(24), delegateId: dan.id }).expect(200);
    await deliver(t, mailbox);

    const { task } = await launchInStage(t.automation, 'cover', 'review', 'c2', 'desk');
    const created = await deliver(t, mailbox);
    // Dan covers Cat and is in the queue himself: one email, as himself. Cat gets nothing while away.
    expect(to(created, dan.email)).toHaveLength(1);
    expect(to(created, cat.email)).toHaveLength(0);
    expect(to(created, eli.email)).toHaveLength(1);

    const reassigned = await eli.client.post(`/tasks/${task!.id}/reassign`).send({ assigneeId: cat.id }).expect(200);
    expect(reassigned.body.assignee.id).toBe(dan.id);
    const events = (await t.admin.get(`/instances/${reassigned.body.instanceId}`).expect(200)).body.timeline as Array<{ type: string; data: Record<string, unknown> }>;
    expect(events.find((e) => e.type === 'task.reassigned')!.data).toMatchObject({ toAssignee: dan.id, coveredFor: cat.id });
    const assigned = await deliver(t, mailbox);
    expect(to(assigned, dan.email).map((m) => m.subject)).toEqual(['Assigned to you: Review c2']);
    expect(to(assigned, cat.email)).toEqual([]);
  });

  it("gives an away person's own notifications to the delegate with an on-behalf line, and follows a delegate who is away too", async () => {
    const fay = await reviewerIn(t, ['other'], 'Fay');
    const gil = await reviewerIn(t, [], 'Gil');
    const hal = await reviewerIn(t, [], 'Hal');
    await fay.client.put('/me/absence').send({ from: hoursFromNow(-1), until: hoursFromNow(24), delegateId: gil.id }).expect(200);
    await gil.client.put('/me/absence').send({ from: hoursFromNow(-1), until: hoursFromNow(24), delegateId: hal.id }).expect(200);
    await deliver(t, mailbox);

    await launchInStage(t.automation, 'cover', 'review', 'c3', 'other');
    const mails = await deliver(t, mailbox);
    expect(to(mails, fay.email)).toEqual([]);
    expect(to(mails, gil.email)).toEqual([]);
    expect(to(mails, hal.email)).toHaveLength(1);
    expect(to(mails, hal.email)[0]!.body).toContain('You receive this for Fay, who is away.');
  });

  it('refuses a delegate who is the person, unknown or inactive, and an absence already over; ending one restores delivery', async () => {
    const ivy = await reviewerIn(t, ['desk'], 'Ivy');
    const jo = await reviewerIn(t, ['desk'], 'Jo');
    const put = (body: Record<string, unknown>) => ivy.client.put('/me/absence').send(body);
    expect((await put({ from: hoursFromNow(1), until: hoursFromNow(2), delegateId: ivy.id }).expect(400)).body.message).toMatch(/delegateId: someone else/);
    expect((await put({ from: hoursFromNow(1), until: hoursFromNow(2), delegateId: '00000000-0000-4000-8000-00000000dead' }).expect(400)).body.message).toMatch(/no active user/);
    expect((await put({ from: hoursFromNow(2), until: hoursFromNow(1), delegateId: jo.id }).expect(400)).body.message).toMatch(/until: must be after from/);
    expect((await put({ from: hoursFromNow(-5), until: hoursFromNow(-1), delegateId: jo.id }).expect(400)).body.message).toMatch(/already past/);
    expect((await ivy.client.get('/me/absence').expect(200)).body).toEqual({ absence: null });

    await put({ from: hoursFromNow(-1), until: hoursFromNow(5), delegateId: jo.id }).expect(200);
    await ivy.client.delete('/me/absence').expect(200);
    await deliver(t, mailbox);
    await launchInStage(t.automation, 'cover', 'review', 'c4', 'desk');
    expect(to(await deliver(t, mailbox), ivy.email)).toHaveLength(1);
  });
});
