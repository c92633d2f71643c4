import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import sample from '../../../templates/student-referrals/sample-data.json';
import { ALWAYS_OPEN, decide, ended, instanceOf, openTask, type InstanceView } from '../support/cases';
import type { E2eStack } from '../support/e2e-stack';
import { callTwice, refusal, type Refusal, type RepeatedCall } from '../support/launches';
import { waitFor } from '../support/wait';

export interface ReferralRun {
  escalated: InstanceView;
  counselling: InstanceView;
  closed: InstanceView;
  /** Status of a Close decision without the required comment. */
  closeWithoutComment: number;
  /** Referral A's webhook, called twice with the same body. */
  repeated: RepeatedCall;
  /** A referral without data.concern. */
  refused: Refusal;
  staff: Record<string, { email: string }>;
  mail: MessageResponse[];
}

const referral = (n: string, data: Record<string, unknown> = {}) => ({
  entity: { ...sample.entity, externalId: `S-E2E-${n}`, name: `Student ${n}`, email: `student-${n.toLowerCase()}@students.example.test` },
  data: { ...sample.data, referralId: `R-E2E-${n}`, ...data },
});
const keyOf = (n: string) => ({ processKey: 'student-referral', entityType: 'student', externalId: `S-E2E-${n}` });

/**
 * Three referrals: one nobody reviews in time (its webhook called twice; its 1-minute review SLA
 * breaches, the ladder escalates it to the leads, a lead accepts, the department follows up), one
 * referred to counselling, one closed with a comment; and one refused at intake.
 */
export async function runStudentReferral(stack: E2eStack): Promise<ReferralRun> {
  const admin = stack.backend.admin;
  await stack.install('student-referrals');
  // SLAs run on the student-services calendar; the test must not depend on the day it runs.
  await admin.patch('/calendars/student-services').send({ workingHours: ALWAYS_OPEN }).expect(200);
  const staff = await stack.staffQueues(['student-advisors', 'academic-department', 'counselling', 'student-support-leads']);

  const repeated = await callTwice(stack, 'caseflow-student-referral', referral('A', { reviewSlaMinutes: 1 }), keyOf('A'));
  await stack.callWebhook('caseflow-student-referral', referral('B'));
  await stack.callWebhook('caseflow-student-referral', referral('C'));
  const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((n) => instanceOf(admin, 'student-referral', `S-E2E-${n}`)));
  const refused = await refusal(stack, 'caseflow-student-referral', referral('REFUSED', { concern: undefined }), keyOf('REFUSED'));

  const taskB = await openTask(admin, b!.id, 'student-advisors');
  await decide(staff['student-advisors']!.client, taskB.id, 'counselling');
  const taskC = await openTask(admin, c!.id, 'student-advisors');
  const closeWithoutComment = (await staff['student-advisors']!.client.post(`/tasks/${taskC.id}/decide`).send({ decision: 'close' })).status;
  await decide(staff['student-advisors']!.client, taskC.id, 'close', 'Attendance explained by a medical note');

  await openTask(admin, a!.id, 'student-advisors');
  // Nobody reviews A: 75% of the SLA notifies the advisors, the breach moves the task to the leads.
  const escalatedTask = await openTask(admin, a!.id, 'student-support-leads', 150_000);
  await decide(staff['student-support-leads']!.client, escalatedTask.id, 'accept');
  const departmentTask = await openTask(admin, a!.id, 'academic-department');
  await decide(staff['academic-department']!.client, departmentTask.id, 'resolved', 'Lab catch-up sessions booked');

  const [escalated, counselling, closed] = await Promise.all([ended(admin, a!.id), ended(admin, b!.id), ended(admin, c!.id)]);
  const mail = await waitFor('the last status message', async () => {
    const all = await stack.mailbox();
    return all.some((m) => m.subject === 'Update on your support referral') ? all : undefined;
  });
  return { escalated, counselling, closed, closeWithoutComment, repeated, refused, staff, mail };
}
