import { join } from 'node:path';
import type { MessageResponse } from '../../backend/src/messages/messages.dto';
import { readTemplate } from '../../backend/src/templates/template-files';
import { stageKeys, timersLabelled } from './support/cases';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { expectNotFound, expectOneCase, expectRefusedAtIntake } from './support/launches';
import { runBookings, type BookingsRun } from './scenarios/bookings';
import { londonDate, runInvoices, type InvoicesRun } from './scenarios/invoices';
import { runOnboarding, type OnboardingRun } from './scenarios/onboarding';
import { runStudentReferral, type ReferralRun } from './scenarios/student-referral';

/**
 * Every template end to end in one real n8n 2.41 with the packed Caseflow nodes: the scenarios run
 * side by side (their waits overlap) and each describe block checks what its one produced.
 */
const TEMPLATES_DIR = join(__dirname, '..', '..', 'templates');
let stack: E2eStack;
const runs: {
  referral?: Promise<ReferralRun>;
  bookings?: Promise<BookingsRun>;
  invoices?: Promise<InvoicesRun>;
  onboarding?: Promise<OnboardingRun>;
} = {};
// Dev only: CASEFLOW_TEMPLATE_SCENARIOS=invoices,bookings runs just those (keys of `runs`); unset, as in CI, runs all.
const chosen = process.env.CASEFLOW_TEMPLATE_SCENARIOS?.split(',').map((name) => name.trim()).filter(Boolean);
const selected = (name: keyof typeof runs): boolean => !chosen || chosen.includes(name);
const describeRun = (name: keyof typeof runs) => (selected(name) ? describe : describe.skip);

beforeAll(async () => {
  stack = await startE2eStack();
  if (selected('referral')) runs.referral = runStudentReferral(stack);
  if (selected('bookings')) runs.bookings = runBookings(stack);
  if (selected('invoices')) runs.invoices = runInvoices(stack);
  if (selected('onboarding')) runs.onboarding = runOnboarding(stack);
  // Each test awaits its own run; a failure must not surface as an unhandled rejection first.
  for (const run of Object.values(runs)) run.catch(() => undefined);
}, 10 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

const to = (run: { mail: MessageResponse[] }, email: string): MessageResponse[] => run.mail.filter((m) => m.recipients.includes(email));

describeRun('referral')('student support referral', () => {
  it('escalates an overdue advisor review to the leads, then the department follows up', async () => {
    const run = await runs.referral!;
    const a = run.escalated;
    expect(a).toMatchObject({ status: 'completed', outcome: 'supported' });
    expect(stageKeys(a)).toEqual(['received', 'advisor-review', 'department']);
    expect(a.escalations.some((e) => e.toQueue?.key === 'student-support-leads')).toBe(true);
    const leadMail = to(run, run.staff['student-support-leads']!.email);
    expect(leadMail.map((m) => m.subject)).toContain('Overdue referral escalated: Student A');
    expect(to(run, run.staff['student-advisors']!.email).map((m) => m.subject)).toContain('Referral for Student A is due for review');
    const student = to(run, a.entity.email);
    expect(student.map((m) => m.subject).sort()).toEqual([
      'Update on your support referral',
      'We have received a support referral for you',
      'Your support referral has been accepted',
    ]);
    expect(student.find((m) => m.subject === 'Update on your support referral')?.text).toContain('Lab catch-up sessions booked');
    // The department is briefed once, as the kind that system notifications are.
    const brief = to(run, run.staff['academic-department']!.email).filter((m) => m.subject === 'Referral to follow up: Student A');
    expect(brief).toHaveLength(1);
    expect(brief[0]!.kind).toBe('admin');
  });

  it('refers a student to counselling and tells them', async () => {
    const run = await runs.referral!;
    expect(run.counselling).toMatchObject({ status: 'completed', outcome: 'referred-to-counselling' });
    expect(stageKeys(run.counselling)).toEqual(['received', 'advisor-review', 'counselling']);
    expect(run.counselling.escalations).toEqual([]);
    expect(to(run, run.counselling.entity.email).map((m) => m.subject).sort()).toEqual([
      'We have received a support referral for you',
      'We have referred you to the counselling service',
    ]);
  });

  it('answers a repeated referral webhook 200 "exists" with the same case: one received message, one review task', async () => {
    const run = await runs.referral!;
    const a = run.escalated;
    expectOneCase(run.repeated, a.id);
    expect(to(run, a.entity.email).filter((m) => m.subject === 'We have received a support referral for you')).toHaveLength(1);
    expect(a.tasks.filter((t) => t.stageKey === 'advisor-review')).toHaveLength(1);
  });

  it('refuses a referral without a concern with 400 naming data.concern, and creates nothing', async () => {
    const run = await runs.referral!;
    expectRefusedAtIntake(run.refused, 'data.concern');
  });

  it('closes a referral only with a comment, and tells the student', async () => {
    const run = await runs.referral!;
    expect(run.closeWithoutComment).toBe(400);
    expect(run.closed).toMatchObject({ status: 'completed', outcome: 'closed' });
    expect(stageKeys(run.closed)).toEqual(['received', 'advisor-review']);
    const subjects = to(run, run.closed.entity.email).map((m) => m.subject).sort();
    expect(subjects).toEqual(['We have received a support referral for you', 'Your support referral has been closed']);
  });
});

const subjectsTo = (run: { mail: MessageResponse[] }, email: string): string[] => to(run, email).map((m) => m.subject).sort();

describeRun('bookings')('bookings', () => {
  const subjectsOf = (run: { mail: MessageResponse[] }, instanceId: string) => run.mail.filter((m) => m.instanceId === instanceId).map((m) => m.subject);

  it('warns the administrators once about a course date with five bookings below its minimum, counting only live ones', async () => {
    const run = await runs.bookings!;
    const warnings = to(run, run.admins).filter((m) => m.subject.startsWith('Low viability'));
    expect(warnings.map((m) => m.instanceId).sort()).toEqual([run.emptyDate.id, run.poorDate.id].sort());
    const poor = warnings.find((m) => m.instanceId === run.poorDate.id)!;
    expect(poor.subject).toMatch(/^Low viability: Poor Course on \d{1,2} \w+ \d{4}$/);
    expect(poor.text).toContain('Live bookings: 5 against a minimum of 6');
    expect(poor.kind).toBe('admin');
    expect(warnings.find((m) => m.instanceId === run.emptyDate.id)!.text).toContain('Live bookings: 0');
    expect(stageKeys(run.poorDate)).toEqual(['scheduled', 'at-risk']);
    expect(timersLabelled(run.poorDate, 'Viability check: 14 days before the start')).toHaveLength(1);
  });

  it('sends no warning for a course date forecast good', async () => {
    const run = await runs.bookings!;
    expect(subjectsOf(run, run.goodDate.id)).toEqual([]);
    expect(stageKeys(run.goodDate)).toEqual(['scheduled', 'running']);
  });

  it('certifies every delegate booked on a completed course date, each with a PDF naming them and the course, without a task', async () => {
    const run = await runs.bookings!;
    expect(run.completion).toEqual({ status: 200, body: { caseId: run.poorDate.id, status: 'updated' } });
    expect(run.poorDate).toMatchObject({ status: 'completed', outcome: 'delivered' });
    for (const booking of run.certified) {
      expect(booking).toMatchObject({ status: 'completed', outcome: 'certified' });
      expect(booking.tasks).toEqual([]);
      expect(subjectsTo(run, booking.entity.email)).toEqual(['Your certificate for Poor Course', 'Your place on Poor Course is confirmed']);
    }
    expect(run.certificates.map((c) => c.to).sort()).toEqual(run.certified.map((b) => b.entity.email).sort());
    for (const certificate of run.certificates) {
      const letter = certificate.to.match(/^delegate-(\w)@/)![1]!.toUpperCase();
      expect(certificate).toMatchObject({ filename: `Certificate B-E2E-${letter}.pdf`, contentType: 'application/pdf' });
      expect(certificate.text).toContain(`Delegate ${letter}`);
      expect(certificate.text).toContain('Poor Course');
      expect(certificate.text).toContain('Certificate of attendance');
    }
  });

  it('sends no certificate to a no-show or a cancelled booking, and records the no-show as the outcome', async () => {
    const run = await runs.bookings!;
    expect(run.noShow).toMatchObject({ status: 'completed', outcome: 'no-show' });
    expect(subjectsTo(run, run.noShow.entity.email)).toEqual(['Your place on Poor Course is confirmed']);
    expect(subjectsTo(run, run.cancelledEarly.entity.email)).toEqual(['Your booking for Poor Course is cancelled']);
    expect(run.certificates).toHaveLength(4);
  });

  it('confirms 2 minutes after booking, and a repeated booking webhook answers 200 "exists" with the same case, confirmed once', async () => {
    const run = await runs.bookings!;
    const a = run.certified[0]!;
    expect(run.confirmationDelayMs).toBeGreaterThanOrEqual(120_000);
    expect(run.confirmationDelayMs).toBeLessThan(150_000);
    expectOneCase(run.repeated, a.id);
    expect(timersLabelled(a, '2 minutes after booking')).toHaveLength(1);
    expect(to(run, a.entity.email).filter((m) => m.subject.startsWith('Your place on'))).toHaveLength(1);
    expect(stageKeys(a)).toEqual(['booked', 'confirmed']);
  });

  it('refuses a booking without a course date (400 naming data.courseDate) or on an unknown one (400 naming the relation), creating nothing', async () => {
    const run = await runs.bookings!;
    expectRefusedAtIntake(run.refused, 'data.courseDate');
    expect(run.unknownDate.answer.status).toBe(400);
    expect(run.unknownDate.answer.body.fields).toEqual([
      { field: 'entity.relations.courseDate', messages: ['there is no course-date record "CD-E2E-NOPE": create that record first'] },
    ]);
    expect(run.unknownDate.traces).toEqual({ entities: 0, cases: 0 });
  });

  it('confirms a cancellation to the delegate and tells their manager, then cancels the case and its timers', async () => {
    const run = await runs.bookings!;
    expect(run.cancelled.status).toBe('cancelled');
    expect(subjectsTo(run, run.cancelled.entity.email)).toEqual(['Your booking for Good Course is cancelled', 'Your place on Good Course is confirmed']);
    const manager = to(run, 'manager-g@example.test');
    expect(manager.map((m) => m.subject)).toEqual(['Delegate G has cancelled Good Course']);
    expect(manager[0]?.text).toContain('Clashes with a client visit');
    expect(run.cancelled.timers.filter((t) => t.status === 'pending')).toEqual([]);
  });

  it('answers a cancellation 202 "recorded", a repeat of it 200 "exists", and tells the delegate and manager once', async () => {
    const run = await runs.bookings!;
    expect(run.cancellation.first).toEqual({ status: 202, body: { caseId: run.cancelled.id, status: 'recorded' } });
    expect(run.cancellation.repeat).toEqual({ status: 200, body: { caseId: run.cancelled.id, status: 'exists' } });
    expect(to(run, run.cancelled.entity.email).filter((m) => m.subject.includes('is cancelled'))).toHaveLength(1);
    expect(to(run, 'manager-g@example.test')).toHaveLength(1);
    expect(timersLabelled(run.cancelled, '2 minutes after cancellation')).toHaveLength(1);
  });

  it('sends no confirmation to a delegate who cancels within the two minutes, only the cancellation emails', async () => {
    const run = await runs.bookings!;
    const f = run.cancelledEarly;
    expect(f.status).toBe('cancelled');
    // The confirmation's time came while the case was still open: the flow resumed, read the cancellation and stopped.
    expect(timersLabelled(f, '2 minutes after booking').map((t) => t.status)).toEqual(['fired']);
    expect(run.cancelledEarlyExecution.status).toBe('success');
    expect(run.cancelledEarlyExecution.nodes).toContain('Still booked?');
    expect(run.cancelledEarlyExecution.nodes).not.toContain('Send confirmation');
    expect(stageKeys(f)).toEqual(['booked']);
    expect(subjectsTo(run, 'manager-f@example.test')).toEqual(['Delegate F has cancelled Poor Course']);
  });

  it('confirms a booking without data.bookedAt 2 minutes after its case was created', async () => {
    const run = await runs.bookings!;
    expect(run.undated.data).not.toHaveProperty('bookedAt');
    expect(timersLabelled(run.undated, '2 minutes after booking').map((t) => t.status)).toEqual(['fired']);
    expect(run.undatedConfirmationDelayMs).toBeGreaterThanOrEqual(120_000);
    expect(run.undatedConfirmationDelayMs).toBeLessThan(150_000);
    expect(subjectsTo(run, run.undated.entity.email)).toEqual(['Your place on Good Course is confirmed']);
    expect(stageKeys(run.undated)).toEqual(['booked', 'confirmed']);
  });

  it('answers the cancellation of an unknown booking 404 and creates no entity and no case', async () => {
    const run = await runs.bookings!;
    expectNotFound(run.unknownCancellation, 'No open booking B-E2E-UNKNOWN');
    expect(to(run, 'delegate-unknown@example.test')).toEqual([]);
  });
});

describeRun('invoices')('invoices', () => {
  /** How the messages word the days from the due date to `sentAt`, counted here in London calendar days. */
  const overdueBy = (dueDate: string, sentAt: string): string => {
    const dueDay = /^\d{4}-\d{2}-\d{2}$/.test(dueDate) ? dueDate : londonDate(Date.parse(dueDate));
    const days = (Date.parse(londonDate(Date.parse(sentAt))) - Date.parse(dueDay)) / 86_400_000;
    return days === 0 ? 'now overdue' : `${days} ${days === 1 ? 'day' : 'days'} overdue`;
  };
  const inOrder = (run: InvoicesRun, email: string): MessageResponse[] => to(run, email).sort((x, y) => x.createdAt.localeCompare(y.createdAt));
  const at = (message: MessageResponse | undefined): number => Date.parse(message?.createdAt ?? '');

  it('reminds on the due date, the moment it has passed and twice more, with the days counted from the dates, then escalates to finance', async () => {
    const run = await runs.invoices!;
    const a = run.escalated;
    const dueDate = new Date(run.times.dueAt).toISOString();
    expect(a).toMatchObject({ status: 'completed', outcome: 'write-off' });
    expect(stageKeys(a)).toEqual(['open', 'overdue', 'finance']);
    const [due, overdue, reminder, final, ...more] = inOrder(run, a.entity.email);
    expect(more).toEqual([]);
    // Due at a time of day: reminded on that day before it falls due, overdue from that moment.
    expect(due?.subject).toBe('Invoice INV-E2E-A is due today');
    expect(at(due)).toBeLessThan(run.times.dueAt);
    expect(londonDate(at(due))).toBe(londonDate(run.times.dueAt));
    expect(overdue?.subject).toBe(`Invoice INV-E2E-A is ${overdueBy(dueDate, overdue!.createdAt)}`);
    expect(at(overdue)).toBeGreaterThanOrEqual(run.times.dueAt);
    expect(at(overdue)).toBeLessThan(run.times.dueAt + 15_000);
    expect(reminder?.subject).toBe(`Reminder: invoice INV-E2E-A is ${overdueBy(dueDate, reminder!.createdAt)}`);
    expect(at(reminder)).toBeGreaterThanOrEqual(run.times.dueAt + 60_000);
    expect(final?.subject).toBe(`Final reminder: invoice INV-E2E-A is ${overdueBy(dueDate, final!.createdAt)}`);
    expect(at(final)).toBeGreaterThanOrEqual(run.times.dueAt + 120_000);
    for (const message of [overdue, reminder, final]) expect(message?.text).toContain(`and is ${overdueBy(dueDate, message!.createdAt)}. Please pay it`);
    expect(final?.text).toContain('This is our final reminder');
    expect(reminder?.text).not.toContain('final reminder');
    expect(a.escalations.some((e) => e.toQueue?.key === 'finance')).toBe(true);
    const escalation = to(run, run.finance).find((m) => m.instanceId === a.id);
    expect(escalation?.subject).toBe(`Escalated: invoice INV-E2E-A (Customer A) is ${overdueBy(dueDate, escalation!.createdAt)}`);
    expect(at(escalation)).toBeGreaterThanOrEqual(run.times.dueAt + 180_000);
    expect(a.escalations.find((e) => e.toQueue?.key === 'finance')?.reason).toBe(
      `Invoice INV-E2E-A is ${overdueBy(dueDate, escalation!.createdAt)} and unpaid after the final reminder`,
    );
  });

  it('tells an invoice registered 3 days past its due date at once that it is 3 days overdue, and never that it is due today', async () => {
    const run = await runs.invoices!;
    const c = run.late;
    expect(overdueBy(run.lateDueDate, new Date(run.times.lateRegisteredAt).toISOString())).toBe('3 days overdue');
    const [overdue, ...rest] = inOrder(run, c.entity.email);
    expect(overdue?.subject).toBe('Invoice INV-E2E-C is 3 days overdue');
    expect(overdue?.text).toContain('and is 3 days overdue.');
    expect(at(overdue) - run.times.lateRegisteredAt).toBeLessThan(15_000);
    expect(rest.map((m) => m.subject)).toEqual(['Thank you: invoice INV-E2E-C is paid']);
    expect(timersLabelled(c, 'At due date').map((t) => t.status)).toEqual(['past']);
    expect(stageKeys(c)).toEqual(['open', 'overdue']);
  });

  it('answers a repeated invoice webhook 200 "exists" with the same case, and reminds once at the due date', async () => {
    const run = await runs.invoices!;
    const a = run.escalated;
    expectOneCase(run.repeated, a.id);
    expect(timersLabelled(a, 'At due date')).toHaveLength(1);
    expect(to(run, a.entity.email).filter((m) => m.subject.endsWith('is due today'))).toHaveLength(1);
    expect(a.tasks.filter((t) => t.stageKey === 'finance')).toHaveLength(1);
  });

  it('refuses an invoice without a due date with 400 naming data.dueDate, and creates nothing', async () => {
    const run = await runs.invoices!;
    expectRefusedAtIntake(run.refused, 'data.dueDate');
  });

  it('stops everything once the invoice is paid: before its due date, or once it is overdue', async () => {
    const run = await runs.invoices!;
    expect(run.payment).toEqual({ status: 202, body: { caseId: run.paid.id, status: 'recorded' } });
    for (const paid of [run.paid, run.late, run.paidWhenOverdue]) {
      expect(paid).toMatchObject({ status: 'completed', outcome: 'paid', data: { paid: true } });
      expect(paid.timers.filter((t) => t.status === 'pending')).toEqual([]);
    }
    expect(subjectsTo(run, run.paid.entity.email)).toEqual(['Thank you: invoice INV-E2E-B is paid']);
    expect(timersLabelled(run.paid, 'At due date').map((t) => t.status)).toEqual(['cancelled']);
    // C's follow-up reminder was days away, D's a minute after its due date (long gone by now): both were stopped.
    expect(timersLabelled(run.late, 'Follow-up reminder').map((t) => t.status)).toEqual(['cancelled']);
    expect(timersLabelled(run.paidWhenOverdue, 'Follow-up reminder').map((t) => t.status)).toEqual(['cancelled']);
    const d = inOrder(run, run.paidWhenOverdue.entity.email);
    expect(d.map((m) => m.subject)).toEqual([
      'Invoice INV-E2E-D is due today',
      'Invoice INV-E2E-D is now overdue',
      'Thank you: invoice INV-E2E-D is paid',
    ]);
    expect(d.filter((m) => at(m) > run.times.duePaidAt && !m.subject.startsWith('Thank you'))).toEqual([]);
    expect(inOrder(run, run.late.entity.email).filter((m) => at(m) > run.times.latePaidAt && !m.subject.startsWith('Thank you'))).toEqual([]);
  });

  it('answers the payment of an unknown invoice 404 and creates no entity and no case', async () => {
    const run = await runs.invoices!;
    expectNotFound(run.unknownPayment, 'No open invoice INV-E2E-UNKNOWN');
  });
});

describeRun('onboarding')('employee onboarding and offboarding', () => {
  it('moves a new starter from HR to IT to the manager and welcomes them', async () => {
    const run = await runs.onboarding!;
    expect(run.onboarded).toMatchObject({ status: 'completed', outcome: 'onboarded' });
    expect(stageKeys(run.onboarded)).toEqual(['hr', 'it', 'manager']);
    expect(run.onboarded.stageVisits.map((v) => v.ownerQueue?.key)).toEqual(['hr', 'it', 'line-managers']);
    const welcome = run.mail.filter((m) => m.instanceId === run.onboarded.id && m.subject === 'Welcome to the team, Employee A');
    expect(welcome).toHaveLength(1);
    expect(welcome[0]?.recipients.sort()).toEqual(['boss-a@example.test', 'employee-a@example.test']);
    expect(run.onboarded.escalations).toEqual([]);
  });

  it('answers a repeated onboarding webhook 200 "exists" with the same case: HR entered once, one HR task', async () => {
    const run = await runs.onboarding!;
    expectOneCase(run.repeated, run.onboarded.id);
    expect(run.onboarded.tasks.filter((t) => t.stageKey === 'hr')).toHaveLength(1);
  });

  it('refuses an onboarding without a start date with 400 naming data.startDate, and creates nothing', async () => {
    const run = await runs.onboarding!;
    expectRefusedAtIntake(run.refused, 'data.startDate');
  });

  it('escalates an overdue IT stage to the people team leads', async () => {
    const run = await runs.onboarding!;
    expect(run.escalated).toMatchObject({ status: 'completed', outcome: 'onboarded' });
    expect(run.escalated.escalations.some((e) => e.toQueue?.key === 'people-leads')).toBe(true);
    expect(subjectsTo(run, run.staff['people-leads']!.email)).toContain('Overdue: IT setup for Employee B');
  });

  it('runs a case started in Caseflow (Employees module) through the same workflow', async () => {
    const run = await runs.onboarding!;
    expect(run.fromUi.status).not.toBe('failed');
    expect(stageKeys(run.fromUi)).toEqual(['hr', 'it']);
    expect(run.fromUi.currentStage?.key).toBe('it');
  });

  it('offboards through handover, access and final pay with a notice and a farewell', async () => {
    const run = await runs.onboarding!;
    expect(run.offboarded).toMatchObject({ status: 'completed', outcome: 'offboarded' });
    expect(stageKeys(run.offboarded)).toEqual(['handover', 'it-revoke', 'hr-final']);
    expect(subjectsTo(run, 'boss-c@example.test')).toEqual(['Employee C is leaving on 29 January 2027: handover needed']);
    expect(subjectsTo(run, 'employee-c@example.test')).toEqual(['Thank you, Employee C']);
  });

  it('answers a repeated offboarding webhook 200 "exists" with the same case: one notice, one handover task', async () => {
    const run = await runs.onboarding!;
    expectOneCase(run.repeatedOffboarding, run.offboarded.id);
    expect(to(run, 'boss-c@example.test')).toHaveLength(1);
    expect(run.offboarded.tasks.filter((t) => t.stageKey === 'handover')).toHaveLength(1);
  });
});

(chosen ? describe.skip : describe)('installing again with n8n connected', () => {
  it('updates the workflows in place: one per name, active, processes unchanged and launched by their webhook', async () => {
    await Promise.allSettled(Object.values(runs));
    for (const name of ['bookings', 'invoices', 'onboarding', 'student-referrals']) {
      const again = await stack.install(name);
      expect(again.n8n).toBe('installed');
      expect(again.workflows.map((w) => w.change)).toEqual(again.workflows.map(() => 'updated'));
      expect(again.processes.map((p) => p.change)).toEqual(again.processes.map(() => 'unchanged'));
    }
    const listed = await fetch(`${stack.n8n.baseUrl}/api/v1/workflows?limit=250`, { headers: { 'X-N8N-API-KEY': stack.n8nApiKey } });
    const workflows = ((await listed.json()) as { data: Array<{ name: string; active: boolean }> }).data;
    const names = workflows.map((w) => w.name).sort();
    expect(names).toEqual([...new Set(names)]);
    // Every workflow file of the four templates, each once.
    const files = await Promise.all(['bookings', 'invoices', 'onboarding', 'student-referrals'].map((name) => readTemplate(TEMPLATES_DIR, name)));
    expect(names).toEqual(files.flatMap((template) => template.workflows.map((w) => w.workflow.name)).sort());
    expect(workflows.every((w) => w.active)).toBe(true);
    const referral = (await stack.backend.admin.get('/processes/student-referral').expect(200)).body;
    expect(referral.launchWebhookUrl).toBe(`${stack.n8n.baseUrl}/webhook/caseflow-student-referral`);
  });
});
