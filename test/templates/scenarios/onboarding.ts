import type { MessageResponse } from '../../../backend/src/messages/messages.dto';
import sample from '../../../templates/onboarding/sample-data.json';
import { ALWAYS_OPEN, decide, detail, ended, instanceOf, openTask, type InstanceView } from '../support/cases';
import type { E2eStack } from '../support/e2e-stack';
import { callTwice, refusal, type Refusal, type RepeatedCall } from '../support/launches';

export interface OnboardingRun {
  onboarded: InstanceView;
  escalated: InstanceView;
  offboarded: InstanceView;
  /** Started in Caseflow (as from the Employees module): the backend called the workflow's webhook. */
  fromUi: InstanceView;
  /** Onboarding A's webhook, called twice with the same body. */
  repeated: RepeatedCall;
  /** Offboarding C's webhook, called twice with the same body. */
  repeatedOffboarding: RepeatedCall;
  /** An onboarding without data.startDate. */
  refused: Refusal;
  staff: Record<string, { email: string }>;
  mail: MessageResponse[];
}

interface Person {
  entity: Record<string, unknown>;
  data: Record<string, unknown>;
}

const person = (base: Person, n: string, data: Record<string, unknown> = {}) => ({
  entity: { ...base.entity, externalId: `E-E2E-${n}`, name: `Employee ${n}`, email: `employee-${n.toLowerCase()}@example.test`, managerEmail: `boss-${n.toLowerCase()}@example.test` },
  data: { ...base.data, ...data },
});
const keyOf = (processKey: string, n: string) => ({ processKey, entityType: 'employee', externalId: `E-E2E-${n}` });

/**
 * Onboarding through HR, IT and the manager (its webhook called twice); a second one whose IT stage
 * (1-minute SLA) is overdue and escalates to the people team leads; an offboarding through its three
 * stages (its webhook called twice); an onboarding refused at intake.
 */
export async function runOnboarding(stack: E2eStack): Promise<OnboardingRun> {
  const admin = stack.backend.admin;
  await stack.install('onboarding');
  await admin.patch('/calendars/people-office').send({ workingHours: ALWAYS_OPEN }).expect(200);
  const staff = await stack.staffQueues(['hr', 'it', 'line-managers', 'people-leads']);
  const by = (queue: string) => staff[queue]!.client;

  const repeated = await callTwice(stack, 'caseflow-employee-onboarding', person(sample.onboarding, 'A'), keyOf('employee-onboarding', 'A'));
  await stack.callWebhook('caseflow-employee-onboarding', person(sample.onboarding, 'B', { stageSlaMinutes: 1 }));
  const repeatedOffboarding = await callTwice(stack, 'caseflow-employee-offboarding', person(sample.offboarding, 'C'), keyOf('employee-offboarding', 'C'));
  const refused = await refusal(
    stack,
    'caseflow-employee-onboarding',
    person(sample.onboarding, 'REFUSED', { startDate: undefined }),
    keyOf('employee-onboarding', 'REFUSED'),
  );
  const [a, b, c] = await Promise.all([
    instanceOf(admin, 'employee-onboarding', 'E-E2E-A'),
    instanceOf(admin, 'employee-onboarding', 'E-E2E-B'),
    instanceOf(admin, 'employee-offboarding', 'E-E2E-C'),
  ]);

  await decide(by('hr'), (await openTask(admin, b!.id, 'hr')).id, 'done');
  for (const queue of ['hr', 'it', 'line-managers']) await decide(by(queue), (await openTask(admin, a!.id, queue)).id, 'done');
  for (const queue of ['line-managers', 'it', 'hr']) await decide(by(queue), (await openTask(admin, c!.id, queue)).id, 'done');

  // Nobody in IT acts on B: at the breach its task moves to the people team leads.
  await decide(by('people-leads'), (await openTask(admin, b!.id, 'people-leads', 150_000)).id, 'done');
  await decide(by('line-managers'), (await openTask(admin, b!.id, 'line-managers')).id, 'done');

  const [onboarded, escalated, offboarded] = await Promise.all([ended(admin, a!.id), ended(admin, b!.id), ended(admin, c!.id)]);

  const started = await admin.post('/instances').send({ processKey: 'employee-onboarding', ...person(sample.onboarding, 'D') }).expect(201);
  await decide(by('hr'), (await openTask(admin, started.body.id, 'hr')).id, 'done');
  await openTask(admin, started.body.id, 'it');
  const fromUi = await detail(admin, started.body.id);
  return { onboarded, escalated, offboarded, fromUi, repeated, repeatedOffboarding, refused, staff, mail: await stack.mailbox() };
}
