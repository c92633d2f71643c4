import type { MessageResponse } from '../../backend/src/messages/messages.dto';
import { stageKeys, timersLabelled } from './support/cases';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { expectNotFound, expectOneCase, expectRefusedAtIntake } from './support/launches';
import { runBookings, type BookingsRun } from './scenarios/bookings';
import { runInvoices, type InvoicesRun } from './scenarios/invoices';
import { runOnboarding, type OnboardingRun } from './scenarios/onboarding';
import { runStudentReferral, type ReferralRun } from './scenarios/student-referral';

/**
 * Every template end to end in one real n8n 2.41 with the packed Caseflow nodes: the scenarios run
 * side by side (their waits overlap) and each describe block checks what its one produced.
 */
let stack: E2eStack;
const runs: {
  referral?: Promise<ReferralRun>;
  bookings?: Promise<BookingsRun>;
  invoices?: Promise<InvoicesRun>;
  onboarding?: Promise<OnboardingRun>;
} = {};

beforeAll(async () => {
  stack = await startE2eStack();
  runs.referral = runStudentReferral(stack);
  runs.bookings = runBookings(stack);
  runs.invoices = runInvoices(stack);
  runs.onboarding = runOnboarding(stack);
  // Each test awaits its own run; a failure must not surface as an unhandled rejection first.
  for (const run of Object.values(runs)) run.catch(() => undefined);
}, 10 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

const to = (run: { mail: MessageResponse[] }, email: string): MessageResponse[] => run.mail.filter((m) => m.recipients.includes(email));

describe('student support referral', () => {
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

describe('bookings', () => {
  it('confirms 2 minutes after booking, warns of low viability, sends the certificate on completion', async () => {
    const run = await runs.bookings!;
    expect(run.certified).toMatchObject({ status: 'completed', outcome: 'certified' });
    expect(stageKeys(run.certified)).toEqual(['booked', 'confirmed', 'delivery']);
    expect(run.confirmationDelayMs).toBeGreaterThanOrEqual(120_000);
    expect(run.confirmationDelayMs).toBeLessThan(150_000);
    expect(subjectsTo(run, run.certified.entity.email)).toEqual(['Your certificate for First Aid at Work', 'Your place on First Aid at Work is confirmed']);
    const certificate = to(run, run.certified.entity.email).find((m) => m.subject.startsWith('Your certificate'));
    expect(certificate?.text).toContain('https://training.example.com/certificates/B-1042');
    const warnings = to(run, run.admins).filter((m) => m.subject.startsWith('Low viability'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.instanceId).toBe(run.certified.id);
  });

  it('answers a repeated booking webhook 200 "exists" with the same case, and confirms it once', async () => {
    const run = await runs.bookings!;
    const a = run.certified;
    expectOneCase(run.repeated, a.id);
    expect(timersLabelled(a, '2 minutes after booking')).toHaveLength(1);
    expect(to(run, a.entity.email).filter((m) => m.subject.startsWith('Your place on'))).toHaveLength(1);
    expect(a.tasks.filter((t) => t.stageKey === 'delivery')).toHaveLength(1);
  });

  it('refuses a booking without a course start with 400 naming data.courseStart, and creates nothing', async () => {
    const run = await runs.bookings!;
    expectRefusedAtIntake(run.refused, 'data.courseStart');
  });

  it('confirms a cancellation to the delegate and tells their manager, then cancels the case and its timers', async () => {
    const run = await runs.bookings!;
    expect(run.cancelled.status).toBe('cancelled');
    expect(subjectsTo(run, run.cancelled.entity.email)).toEqual([
      'Your booking for First Aid at Work is cancelled',
      'Your place on First Aid at Work is confirmed',
    ]);
    const manager = to(run, 'manager-b@example.test');
    expect(manager.map((m) => m.subject)).toEqual(['Delegate B has cancelled First Aid at Work']);
    expect(manager[0]?.text).toContain('Clashes with a client visit');
    expect(run.cancelled.timers.filter((t) => t.status === 'pending')).toEqual([]);
  });

  it('answers a cancellation 202 "recorded", a repeat of it 200 "exists", and tells the delegate and manager once', async () => {
    const run = await runs.bookings!;
    expect(run.cancellation.first).toEqual({ status: 202, body: { caseId: run.cancelled.id, status: 'recorded' } });
    expect(run.cancellation.repeat).toEqual({ status: 200, body: { caseId: run.cancelled.id, status: 'exists' } });
    expect(to(run, run.cancelled.entity.email).filter((m) => m.subject.includes('is cancelled'))).toHaveLength(1);
    expect(to(run, 'manager-b@example.test')).toHaveLength(1);
    expect(timersLabelled(run.cancelled, '2 minutes after cancellation')).toHaveLength(1);
  });

  it('sends no confirmation to a delegate who cancels within the two minutes, only the cancellation emails', async () => {
    const run = await runs.bookings!;
    const d = run.cancelledEarly;
    expect(d.status).toBe('cancelled');
    // The confirmation's time came while the case was still open: the flow resumed, read the cancellation and stopped.
    expect(timersLabelled(d, '2 minutes after booking').map((t) => t.status)).toEqual(['fired']);
    expect(run.cancelledEarlyExecution.status).toBe('success');
    expect(run.cancelledEarlyExecution.nodes).toContain('Still booked?');
    expect(run.cancelledEarlyExecution.nodes).not.toContain('Send confirmation');
    expect(stageKeys(d)).toEqual(['booked']);
    expect(subjectsTo(run, d.entity.email)).toEqual(['Your booking for First Aid at Work is cancelled']);
    expect(subjectsTo(run, 'manager-d@example.test')).toEqual(['Delegate D has cancelled First Aid at Work']);
    expect(run.mail.filter((m) => m.instanceId === d.id && m.subject.startsWith('Low viability'))).toEqual([]);
  });

  it('confirms a booking without data.bookedAt 2 minutes after its case was created', async () => {
    const run = await runs.bookings!;
    expect(run.undated.data).not.toHaveProperty('bookedAt');
    expect(timersLabelled(run.undated, '2 minutes after booking').map((t) => t.status)).toEqual(['fired']);
    expect(run.undatedConfirmationDelayMs).toBeGreaterThanOrEqual(120_000);
    expect(run.undatedConfirmationDelayMs).toBeLessThan(150_000);
    expect(subjectsTo(run, run.undated.entity.email)).toEqual(['Your place on First Aid at Work is confirmed']);
    expect(stageKeys(run.undated)).toEqual(['booked', 'confirmed']);
  });

  it('answers the cancellation of an unknown booking 404 and creates no entity and no case', async () => {
    const run = await runs.bookings!;
    expectNotFound(run.unknownCancellation, 'No open booking B-E2E-UNKNOWN');
    expect(to(run, 'delegate-unknown@example.test')).toEqual([]);
  });

  it('sends no warning for a viable course and no certificate for a no-show', async () => {
    const run = await runs.bookings!;
    expect(run.noShow).toMatchObject({ status: 'completed', outcome: 'no-show' });
    expect(subjectsTo(run, run.noShow.entity.email)).toEqual(['Your place on First Aid at Work is confirmed']);
    expect(run.mail.filter((m) => m.instanceId === run.noShow.id && m.subject.startsWith('Low viability'))).toEqual([]);
  });
});

describe('invoices', () => {
  it('reminds at the due date and twice when overdue, then escalates to finance, who write it off', async () => {
    const run = await runs.invoices!;
    const a = run.escalated;
    expect(a).toMatchObject({ status: 'completed', outcome: 'write-off' });
    expect(stageKeys(a)).toEqual(['open', 'overdue', 'finance']);
    expect(subjectsTo(run, a.entity.email)).toEqual([
      'Final reminder: invoice INV-E2E-A is 14 days overdue',
      'Invoice INV-E2E-A is due today',
      'Reminder: invoice INV-E2E-A is 7 days overdue',
    ]);
    expect(a.escalations.some((e) => e.toQueue?.key === 'finance')).toBe(true);
    expect(subjectsTo(run, run.finance)).toContain('Escalated: invoice INV-E2E-A (Customer A) is 21 days overdue');
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

  it('stops as soon as the invoice is paid', async () => {
    const run = await runs.invoices!;
    expect(run.payment).toEqual({ status: 202, body: { caseId: run.paid.id, status: 'recorded' } });
    expect(run.paid).toMatchObject({ status: 'completed', outcome: 'paid' });
    expect(run.paid.data.paid).toBe(true);
    expect(subjectsTo(run, run.paid.entity.email)).toEqual(['Thank you: invoice INV-E2E-B is paid']);
    expect(run.paid.timers.filter((t) => t.status === 'pending')).toEqual([]);
  });

  it('answers the payment of an unknown invoice 404 and creates no entity and no case', async () => {
    const run = await runs.invoices!;
    expectNotFound(run.unknownPayment, 'No open invoice INV-E2E-UNKNOWN');
  });
});

describe('employee onboarding and offboarding', () => {
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

describe('installing again with n8n connected', () => {
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
    expect(names).toHaveLength(7);
    expect(workflows.every((w) => w.active)).toBe(true);
    const referral = (await stack.backend.admin.get('/processes/student-referral').expect(200)).body;
    expect(referral.launchWebhookUrl).toBe(`${stack.n8n.baseUrl}/webhook/caseflow-student-referral`);
  });
});
