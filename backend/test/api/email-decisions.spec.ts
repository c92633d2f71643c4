import request from 'supertest';
import { In } from 'typeorm';
import { sha256 } from '../../src/auth/secrets';
import { EmailDecisionLinkTable, EventTable, OutboxTable, TaskTable } from '../../src/database/tables';
import { DecisionLink, EmailDecisionLinksService } from '../../src/email-decisions/email-decision-links.service';
import { launchWithTask, setUpReferralProcess } from '../support/scenario';
import { Client, startTestApp, TestApp } from '../support/test-app';

describe('deciding from an email', () => {
  let t: TestApp;
  let reviewer: { id: string; name: string; email: string; client: Client };
  let colleague: { id: string; name: string; client: Client };

  const reviewerIn = async (queue: string) => {
    const { user, client } = await t.createUser('reviewer');
    await t.admin.put(`/queues/${queue}/members/${user.id}`).expect((r) => expect(r.status).toBeLessThan(300));
    return { id: user.id, name: user.name, email: user.email, client };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
    reviewer = await reviewerIn('advisors');
    colleague = await reviewerIn('advisors');
  });
  afterAll(() => t.close());

  const taskRow = async (id: string) => (await t.db.read(() => t.db.manager.findOneBy(TaskTable, { id })))!;
  const decidedEvents = (taskId: string) => t.db.read(() => t.db.manager.findBy(EventTable, { taskId, type: 'task.decided' }));
  const resumes = (taskId: string) => t.db.read(() => t.db.manager.findBy(OutboxTable, { idempotencyKey: `task:${taskId}:decided` }));

  /** What the notification email would carry, made as H8's notifier makes it. */
  const linksFor = async (taskId: string, to: { id: string; email: string } = reviewer) => {
    const task = await taskRow(taskId);
    const links = await t.app.get(EmailDecisionLinksService).decisionLinksFor(task, { userId: to.id, email: to.email }, t.clock.now());
    return Object.fromEntries(links.map((l) => [l.key, l])) as Record<string, DecisionLink>;
  };
  const pathOf = (link: DecisionLink) => new URL(link.url).pathname;
  const open = (link: DecisionLink) => request(t.baseUrl).get(pathOf(link));
  const confirm = (link: DecisionLink, form: Record<string, string> = {}) =>
    request(t.baseUrl).post(pathOf(link)).type('form').send(form);

  const expectNothingDecided = async (taskId: string) => {
    expect((await taskRow(taskId)).status).toBe('open');
    expect(await decidedEvents(taskId)).toHaveLength(0);
    expect(await resumes(taskId)).toHaveLength(0);
  };

  it('makes one link per decision, stores only the token hashes, and expires them with the task', async () => {
    const { task } = await launchWithTask(t.automation, 'links', { dueInMinutes: 90 });
    const links = await linksFor(task.id);
    expect(Object.keys(links)).toEqual(['accept', 'counselling', 'close']);
    expect(links.close!.label).toBe('Close');
    const tokens = Object.values(links).map((l) => pathOf(l).split('/').pop()!);
    for (const link of Object.values(links)) expect(link.url.startsWith(`${t.config.publicUrl}/email-decisions/`)).toBe(true);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(3);
    // The notifier may have sent the queue its own links for the new task; these are the rows of ours.
    const rows = await t.db.read(() => t.db.manager.findBy(EmailDecisionLinkTable, { tokenHash: In(tokens.map(sha256)) }));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.taskId === task.id)).toBe(true);
    expect(await t.db.read(() => t.db.manager.countBy(EmailDecisionLinkTable, { tokenHash: In(tokens) }))).toBe(0);
    expect(rows.every((r) => r.userId === reviewer.id && r.email === reviewer.email && r.usedAt === null)).toBe(true);
    expect(rows[0]!.expiresAt).toBe(t.clock.now() + 90 * 60_000);

    const later = await launchWithTask(t.automation, 'links-limit', { dueInMinutes: 7 * 24 * 60 });
    const limitedLink = (await linksFor(later.task.id)).accept!;
    const limited = await t.db.read(() => t.db.manager.findOneBy(EmailDecisionLinkTable, { tokenHash: sha256(pathOf(limitedLink).split('/').pop()!) }));
    expect(limited!.expiresAt).toBe(t.clock.now() + 72 * 3_600_000);
  });

  it('shows the case on a GET and changes nothing, however often it is fetched', async () => {
    const { task } = await launchWithTask(t.automation, 'preview', { instructions: 'Check the <attendance> record.' });
    const links = await linksFor(task.id);
    for (let i = 0; i < 2; i++) {
      const page = await open(links.accept!).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers['x-frame-options']).toBe('DENY');
      expect(page.headers['content-security-policy']).toContain("form-action 'self'");
      expect(page.text).toContain('Student preview');
      expect(page.text).toContain('Student support referral');
      expect(page.text).toContain('Advisor review');
      expect(page.text).toContain('Review referral preview');
      expect(page.text).toContain('Check the &lt;attendance&gt; record.');
      expect(page.text).toContain('Confirm: Accept');
      expect(page.text).toContain('<form method="post">');
      expect(page.text).not.toContain('<script');
    }
    await expectNothingDecided(task.id);
    const rows = await t.db.read(() => t.db.manager.findBy(EmailDecisionLinkTable, { taskId: task.id }));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.usedAt === null)).toBe(true);
  });

  it('decides once on the POST, through the inbox path, marked as by email', async () => {
    const { instance, task } = await launchWithTask(t.automation, 'decide');
    const links = await linksFor(task.id);
    const done = await confirm(links.accept!).expect(200);
    expect(done.text).toContain('Decided: Accept');

    const decided = await taskRow(task.id);
    expect(decided).toMatchObject({ status: 'decided', decision: 'accept', decidedBy: reviewer.id });
    const events = await decidedEvents(task.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorType: 'user', actorId: reviewer.id, data: expect.objectContaining({ decision: 'accept', via: 'email' }) });
    const outbox = await resumes(task.id);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'n8n_resume', target: 'http://127.0.0.1:5678/webhook-waiting/decide', instanceId: instance.id });
    const rows = await t.db.read(() => t.db.manager.findBy(EmailDecisionLinkTable, { taskId: task.id }));
    expect(rows.every((r) => r.usedBy === reviewer.id && r.usedAt === t.clock.now())).toBe(true);

    for (const again of [open(links.accept!), confirm(links.accept!), open(links.counselling!), confirm(links.close!, { comment: 'late' })]) {
      const page = await again.expect(200);
      expect(page.text).toContain(`This task was decided: <strong>Accept</strong> by ${reviewer.name}`);
    }
    expect(await decidedEvents(task.id)).toHaveLength(1);
    expect(await resumes(task.id)).toHaveLength(1);
    expect((await taskRow(task.id)).decision).toBe('accept');
  });

  it('says who decided when a colleague decided in the inbox first', async () => {
    const { task } = await launchWithTask(t.automation, 'inbox-first');
    const links = await linksFor(task.id);
    await colleague.client.post(`/tasks/${task.id}/decide`).send({ decision: 'counselling' }).expect(200);
    const page = await confirm(links.accept!).expect(200);
    expect(page.text).toContain(`This task was decided: <strong>Refer to counselling</strong> by ${colleague.name}`);
    expect((await decidedEvents(task.id))[0]!.data).not.toHaveProperty('via');
    expect((await taskRow(task.id)).decision).toBe('counselling');
  });

  it('asks again for a comment the decision requires, deciding nothing until it is given', async () => {
    const { task } = await launchWithTask(t.automation, 'comment');
    const links = await linksFor(task.id);
    expect((await open(links.close!).expect(200)).text).toMatch(/<textarea id="comment" name="comment" maxlength="10000" required>/);
    const refused = await confirm(links.close!, { comment: '   ' }).expect(400);
    expect(refused.text).toContain('needs a comment');
    expect(refused.text).toContain('Confirm: Close');
    await expectNothingDecided(task.id);

    await confirm(links.close!, { comment: 'Moved to <another> school' }).expect(200);
    expect(await taskRow(task.id)).toMatchObject({ status: 'decided', decision: 'close', comment: 'Moved to <another> school' });
  });

  it('answers 404 for a token it does not know and 410 once the link has expired', async () => {
    await request(t.baseUrl).get('/email-decisions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(404);
    await request(t.baseUrl).post('/email-decisions/not-a-token').type('form').send({}).expect(404);

    const { task } = await launchWithTask(t.automation, 'expired', { dueInMinutes: 30 });
    const links = await linksFor(task.id);
    t.clock.advance(30 * 60_000);
    try {
      expect((await open(links.accept!).expect(410)).text).toContain('expired');
      await confirm(links.accept!).expect(410);
    } finally {
      t.clock.advance(-30 * 60_000);
    }
    await expectNothingDecided(task.id);
  });

  it('refuses a link whose person is no longer in the task queue', async () => {
    const leaver = await reviewerIn('advisors');
    const { task } = await launchWithTask(t.automation, 'leaver');
    const links = await linksFor(task.id, leaver);
    await t.admin.delete(`/queues/advisors/members/${leaver.id}`).expect((r) => expect(r.status).toBeLessThan(300));
    expect((await open(links.accept!).expect(403)).text).toContain('no longer in a queue of yours');
    await confirm(links.accept!).expect(403);
    await expectNothingDecided(task.id);
  });

  it('refuses a link while a colleague has the task claimed', async () => {
    const { task } = await launchWithTask(t.automation, 'claimed');
    const links = await linksFor(task.id);
    await colleague.client.post(`/tasks/${task.id}/claim`).expect(200);
    expect((await confirm(links.accept!).expect(403)).text).toContain('A colleague has claimed this task');
    expect((await taskRow(task.id)).status).toBe('claimed');
    expect(await decidedEvents(task.id)).toHaveLength(0);
  });
});
