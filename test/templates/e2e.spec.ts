import { stageKeys } from './support/cases';
import { startE2eStack, type E2eStack } from './support/e2e-stack';
import { runStudentReferral, type ReferralRun } from './scenarios/student-referral';

/**
 * Every template end to end in one real n8n 2.41 with the packed Caseflow nodes: the scenarios run
 * side by side (their waits overlap) and each describe block checks what its one produced.
 */
let stack: E2eStack;
const runs: { referral?: Promise<ReferralRun> } = {};

beforeAll(async () => {
  stack = await startE2eStack();
  runs.referral = runStudentReferral(stack);
  // Each test awaits its own run; a failure must not surface as an unhandled rejection first.
  for (const run of Object.values(runs)) run.catch(() => undefined);
}, 10 * 60_000);

afterAll(async () => {
  await stack?.stop();
});

const to = (run: { mail: Array<{ recipients: string[]; subject: string; text: string }> }, email: string) =>
  run.mail.filter((m) => m.recipients.includes(email));

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

  it('closes a referral only with a comment, and tells the student', async () => {
    const run = await runs.referral!;
    expect(run.closeWithoutComment).toBe(400);
    expect(run.closed).toMatchObject({ status: 'completed', outcome: 'closed' });
    expect(stageKeys(run.closed)).toEqual(['received', 'advisor-review']);
    const subjects = to(run, run.closed.entity.email).map((m) => m.subject).sort();
    expect(subjects).toEqual(['We have received a support referral for you', 'Your support referral has been closed']);
  });
});
