import { MessageTable, NotificationDigestItemTable, NotificationJobTable, TaskReminderTable } from '../../src/database/tables';
import { DigestSweep } from '../../src/notifications/digest-sweep';
import { ReminderSweep } from '../../src/scheduler/reminder-sweep';
import { StallSweep } from '../../src/scheduler/stall-sweep';
import { launchInStage, setUpOfficeProcess } from '../scheduler/office-process';
import type { TestApp } from '../support/test-app';
import { deliver, Mailbox, reviewerIn, startAppWithMailbox, to } from './notifications.fixtures';

const MONDAY_0900 = Date.UTC(2026, 10, 2, 9, 0); // London is on GMT in November

describe('notifications', () => {
  let t: TestApp;
  let mailbox: Mailbox;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, mailbox, close } = await startAppWithMailbox());
    await setUpOfficeProcess(t.admin, {
      key: 'notify',
      calendarKey: 'office',
      queues: [{ key: 'advisors' }, { key: 'seniors' }, { key: 'night-desk' }, { key: 'reminded' }, { key: 'stall-desk' }],
      stages: [
        { key: 'review', name: 'Review', ownerQueue: 'advisors', calendar: 'office', reminders: [{ beforeMinutes: 60 }, { beforeMinutes: 8 * 60 }] },
        { key: 'stuck', name: 'Stuck', ownerQueue: 'stall-desk', stallAfterMinutes: 60 },
      ],
    });
  });
  afterAll(() => close());

  describe('a new task', () => {
    it("emails each member of its queue once, with the task's link and decision links, never its creator or anyone who chose off", async () => {
      t.clock.set(MONDAY_0900);
      const ann = await reviewerIn(t, ['advisors', 'seniors'], 'Ann');
      const bob = await reviewerIn(t, ['advisors'], 'Bob');
      const carl = await reviewerIn(t, ['advisors'], 'Carl');
      const outsider = await reviewerIn(t, ['seniors'], 'Olga');
      await carl.client.put('/me/notification-preferences').send({ kinds: { 'task.created': 'off' } }).expect(200);
      const boss = await t.createUser('admin', { name: 'Boss' });
      await t.admin.put(`/queues/advisors/members/${boss.user.id}`).expect((res) => expect(res.status).toBeLessThan(300));

      const { instance } = await launchInStage(t.automation, 'notify', 'review', 'n1');
      const task = await boss.client.post('/tasks').send({ instanceId: instance.id, queue: 'advisors', stageKey: 'review', title: 'Check the referral' }).expect(201);
      const mails = await deliver(t, mailbox);

      expect(to(mails, ann.email)).toHaveLength(1);
      expect(to(mails, bob.email)).toHaveLength(1);
      expect(to(mails, carl.email)).toHaveLength(0);
      expect(to(mails, boss.user.email)).toHaveLength(0);
      expect(to(mails, outsider.email)).toHaveLength(0);
      expect(mails.every((mail) => mail.to.length === 1)).toBe(true);
      const mail = to(mails, ann.email)[0]!;
      expect(mail.subject).toBe('New task: Check the referral');
      expect(mail.body).toContain(`${t.config.publicUrl}/tasks/${task.body.id}`);
      expect(mail.body).toContain('Student n1');
      expect(mail.body).toMatch(new RegExp(`Accept → ${t.config.publicUrl}/email-decisions/\\S+`));
      expect(mail.body).toMatch(new RegExp(`Decline → ${t.config.publicUrl}/email-decisions/\\S+`));
      // Colleagues reading the case's messages (or the mailbox) never see a working link: only the email carries it.
      // Notifications are personal: not among the case's messages at all.
      const listed = (await bob.client.get(`/messages?instanceId=${instance.id}&limit=50`).expect(200)).body.items as Array<{ subject: string }>;
      expect(listed.filter((m) => m.subject.startsWith('New task'))).toEqual([]);
      const token = mail.body.match(/\/email-decisions\/([A-Za-z0-9_-]{16,})/)![1]!;
      const devMailbox = (await t.admin.get('/mailbox?limit=200').expect(200)).body.items as Array<{ text: string; html: string }>;
      expect(devMailbox.some((m) => (m.text + m.html).includes(token))).toBe(false);
      expect(devMailbox.some((m) => m.text.includes('/email-decisions/(sent to the recipient only)'))).toBe(true);
    });
  });

  describe('fan-out', () => {
    it('costs the request one row however big the queue, and sends nothing about a task decided before its turn', async () => {
      t.clock.set(MONDAY_0900);
      const members = await Promise.all(['Pia', 'Quin', 'Rae'].map((name) => reviewerIn(t, ['night-desk'], name)));
      const { instance } = await launchInStage(t.automation, 'notify', 'review', 'n-fan');
      const jobsBefore = await t.db.count(NotificationJobTable, {});
      const messagesBefore = await t.db.count(MessageTable, {});
      await t.automation.post('/tasks').send({ instanceId: instance.id, queue: 'night-desk', stageKey: 'review', title: 'Night shift' }).expect(201);
      expect(await t.db.count(NotificationJobTable, {})).toBe(jobsBefore + 1);
      expect(await t.db.count(MessageTable, {})).toBe(messagesBefore);

      const mails = await deliver(t, mailbox);
      expect(members.map((m) => to(mails, m.email).length)).toEqual([1, 1, 1]);
      expect(await t.db.count(NotificationJobTable, {})).toBe(0);

      const quick = await t.automation.post('/tasks').send({ instanceId: instance.id, queue: 'night-desk', stageKey: 'review', title: 'Gone at once' }).expect(201);
      await members[0]!.client.post(`/tasks/${quick.body.id}/decide`).send({ decision: 'accept' }).expect(200);
      const late = await deliver(t, mailbox);
      expect(late.filter((mail) => mail.subject === 'New task: Gone at once')).toEqual([]);
    });
  });

  describe('reassignment', () => {
    it('emails the new assignee only, and nobody for a claim of their own', async () => {
      t.clock.set(MONDAY_0900);
      const ann = await reviewerIn(t, ['seniors'], 'Ann');
      const bob = await reviewerIn(t, ['seniors'], 'Bob');
      const { instance } = await launchInStage(t.automation, 'notify', 'review', 'n2');
      const task = await t.automation.post('/tasks').send({ instanceId: instance.id, queue: 'seniors', stageKey: 'review', title: 'Second opinion' }).expect(201);
      await deliver(t, mailbox);

      await ann.client.post(`/tasks/${task.body.id}/claim`).expect(200);
      expect(await deliver(t, mailbox)).toHaveLength(0);

      await t.admin.post(`/tasks/${task.body.id}/reassign`).send({ assigneeId: bob.id }).expect(200);
      const mails = await deliver(t, mailbox);
      expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([[[bob.email], 'Assigned to you: Second opinion']]);

      await t.automation.post('/escalations').send({ taskId: task.body.id, toUser: ann.email, reason: 'Ann knows this case' }).expect(201);
      const escalated = await deliver(t, mailbox);
      expect(escalated.map((mail) => [mail.to, mail.subject])).toEqual([[[ann.email], 'Assigned to you: Second opinion']]);

      // Raising the priority leaves the assignee as is: nobody is told of work they already hold.
      await t.automation.post('/escalations').send({ taskId: task.body.id, priority: 4, reason: 'Urgent now' }).expect(201);
      expect(await deliver(t, mailbox)).toHaveLength(0);
    });
  });

  describe('digest', () => {
    it('sends one email at the digest time with every task of the day, once', async () => {
      t.clock.set(MONDAY_0900);
      const dana = await reviewerIn(t, ['night-desk'], 'Dana');
      await dana.client
        .put('/me/notification-preferences')
        .send({ timeZone: 'America/New_York', digestTime: '07:30', kinds: { 'task.created': 'digest' } })
        .expect(200);
      const titles = ['First', 'Second', 'Third'];
      for (const [i, title] of titles.entries()) {
        const { instance } = await launchInStage(t.automation, 'notify', 'review', `d${i}`);
        await t.automation.post('/tasks').send({ instanceId: instance.id, queue: 'night-desk', title: `${title} digest task` }).expect(201);
      }
      expect(to(await deliver(t, mailbox), dana.email)).toHaveLength(0);

      const digests = t.app.get(DigestSweep);
      t.clock.set(Date.UTC(2026, 10, 2, 12, 29)); // 07:29 in New York
      expect(await digests.run()).toBe(0);
      t.clock.set(Date.UTC(2026, 10, 2, 12, 30));
      // Two passes at once, as two replicas would run them: taking the items lets one of them send.
      expect((await Promise.all([digests.run(), digests.run()])).reduce((a, b) => a + b)).toBe(1);
      expect(await digests.run()).toBe(0);
      const mails = to(await deliver(t, mailbox), dana.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe('Your Caseflow digest: 3 items');
      for (const title of titles) expect(mails[0]!.body).toContain(`New task: ${title} digest task`);
      expect(mails[0]!.body).toContain(`${t.config.publicUrl}/tasks/`);
      expect(mails[0]!.body).not.toContain('/email-decisions/');
      expect(await t.db.read(() => t.db.manager.countBy(NotificationDigestItemTable, { userId: dana.id }))).toBe(0);
    });
  });

  describe('reminders', () => {
    it('fires each reminder once at its offset on the business calendar, across the night', async () => {
      t.clock.set(Date.UTC(2026, 10, 2, 10, 0)); // Monday 10:00
      const erin = await reviewerIn(t, ['reminded'], 'Erin');
      const { instance } = await launchInStage(t.automation, 'notify', 'review', 'r1');
      const task = await t.automation
        .post('/tasks')
        .send({ instanceId: instance.id, queue: 'reminded', stageKey: 'review', title: 'Due tomorrow', dueAt: '2026-11-03T09:30:00Z' })
        .expect(201);
      await deliver(t, mailbox);
      const sweep = t.app.get(ReminderSweep);
      const sweepAt = async (at: number) => {
        t.clock.set(at);
        // Two passes at once, as two replicas would run them: the claim lets one of them send.
        await Promise.all([sweep.run(), sweep.run()]);
        return to(await deliver(t, mailbox), erin.email);
      };

      // 8 business hours before Tuesday 09:30 is Monday 09:30, before the task existed: the new-task email said it all.
      expect(await sweepAt(Date.UTC(2026, 10, 2, 16, 29))).toHaveLength(0);
      const reminded = await sweepAt(Date.UTC(2026, 10, 2, 16, 30)); // 30 minutes on Monday + 30 on Tuesday morning
      expect(reminded.map((mail) => mail.subject)).toEqual(['Reminder: Due tomorrow']);
      expect(reminded[0]!.body).toMatch(/Accept → \S+\/email-decisions\//);
      expect(await sweepAt(Date.UTC(2026, 10, 3, 9, 0))).toHaveLength(0);
      const sent = await t.db.read(() => t.db.manager.findBy(TaskReminderTable, { taskId: task.body.id }));
      expect(sent.map((row) => row.beforeMinutes)).toEqual([60]);
    });
  });

  describe('stalls', () => {
    it("emails the stage's owner queue once, and not again on the next sweep", async () => {
      t.clock.set(MONDAY_0900);
      const frank = await reviewerIn(t, ['stall-desk'], 'Frank');
      const gina = await reviewerIn(t, ['stall-desk'], 'Gina');
      const { instance } = await launchInStage(t.automation, 'notify', 'stuck', 's1');
      await deliver(t, mailbox);
      const sweep = t.app.get(StallSweep);

      t.clock.set(MONDAY_0900 + 61 * 60_000);
      await sweep.run();
      await sweep.run();
      const mails = await deliver(t, mailbox);
      expect(to(mails, frank.email).map((mail) => mail.subject)).toEqual(['Stalled case: Student s1']);
      expect(to(mails, gina.email)).toHaveLength(1);
      expect(to(mails, frank.email)[0]!.body).toContain(`${t.config.publicUrl}/instances/${instance.id}`);

      t.clock.advance(60 * 60_000);
      await sweep.run();
      expect(to(await deliver(t, mailbox), frank.email)).toHaveLength(0);
    });
  });

  describe('stage reminders in a process definition', () => {
    const withReminders = (reminders: unknown) => ({
      key: `reminding-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Reminding',
      entityTypes: ['student'],
      stages: [{ key: 'review', name: 'Review', reminders }],
      decisions: [{ key: 'accept', label: 'Accept' }],
    });

    it('keeps the offsets it was given', async () => {
      const res = await t.admin.post('/processes').send(withReminders([{ beforeMinutes: 1440 }, { beforeMinutes: 60 }])).expect(201);
      expect(res.body.stages[0].reminders).toEqual([{ beforeMinutes: 1440 }, { beforeMinutes: 60 }]);
    });

    it('refuses a non-positive, fractional or repeated offset at its field', async () => {
      const bad = await t.admin.post('/processes').send(withReminders([{ beforeMinutes: 0 }, { beforeMinutes: 1.5 }, {}])).expect(400);
      expect((bad.body.details as Array<{ field: string }>).map((d) => d.field)).toEqual(
        expect.arrayContaining(['stages[0].reminders[0].beforeMinutes', 'stages[0].reminders[1].beforeMinutes', 'stages[0].reminders[2].beforeMinutes']),
      );
      const twice = await t.admin.post('/processes').send(withReminders([{ beforeMinutes: 60 }, { beforeMinutes: 60 }])).expect(400);
      expect(twice.body.details).toEqual([expect.objectContaining({ field: 'stages[0].reminders[1].beforeMinutes' })]);
    });
  });

  describe('preferences API', () => {
    it('answers the defaults, then what was saved', async () => {
      const hana = await reviewerIn(t, [], 'Hana');
      expect((await hana.client.get('/me/notification-preferences').expect(200)).body).toEqual({
        timeZone: 'UTC',
        digestTime: '08:00',
        kinds: { 'task.created': 'each', 'task.assigned': 'each', 'task.reminder': 'each', 'instance.stalled': 'each', 'activity.assigned': 'each' },
      });
      await hana.client.put('/me/notification-preferences').send({ timeZone: 'Europe/Paris', kinds: { 'task.reminder': 'off' } }).expect(200);
      await hana.client.put('/me/notification-preferences').send({ digestTime: '17:45', kinds: { 'instance.stalled': 'digest' } }).expect(200);
      expect((await hana.client.get('/me/notification-preferences').expect(200)).body).toEqual({
        timeZone: 'Europe/Paris',
        digestTime: '17:45',
        kinds: { 'task.created': 'each', 'task.assigned': 'each', 'task.reminder': 'off', 'instance.stalled': 'digest', 'activity.assigned': 'each' },
      });
    });

    it('refuses bad input field by field and changes nothing', async () => {
      const ivan = await reviewerIn(t, [], 'Ivan');
      const res = await ivan.client
        .put('/me/notification-preferences')
        .send({ timeZone: 'Mars/Olympus', digestTime: '25:00', kinds: { 'task.created': 'sometimes', 'task.nope': 'each' } })
        .expect(400);
      const fields = (res.body.details as Array<{ field: string }>).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['timeZone', 'digestTime', 'kinds.task.created', 'kinds.task.nope']));
      expect((await ivan.client.get('/me/notification-preferences').expect(200)).body).toMatchObject({ timeZone: 'UTC', digestTime: '08:00' });
    });

    it('belongs to signed-in people: an API key gets 403, nobody 401', async () => {
      await t.automation.get('/me/notification-preferences').expect(403);
      await t.anonymous.get('/me/notification-preferences').expect(401);
    });
  });
});
